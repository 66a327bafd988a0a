/// The training examples whose labels a semi-supervised model learns from: `N`
/// per class, drawn from the seed — the paper's class-balanced labelled sets of
/// 100 and 1,000 MNIST digits (Makhzani et al., 2015, Section 5) — or every example.
public enum LabelledSubset: Sendable, Equatable {
    /// `N` examples of every class.
    case perClass(Int)
    /// Every training example keeps its label.
    case all

    /// Why a subset cannot be drawn: a class has fewer examples than it asks for.
    public struct Shortage: Error, CustomStringConvertible, Equatable {
        public let label: Int
        public let available: Int
        public let requested: Int

        public var description: String {
            "class \(label) has \(available) training examples, fewer than the \(requested) labels per class asked "
                + "for; lower `labels_per_class` to at most \(available), or use `labels_per_class: all`"
        }
    }

    /// The first of classes `0..<classes` with fewer than `N` examples among `labels`; nil when every class has enough.
    public func shortage(labels: [Int32], classes: Int) -> Shortage? {
        guard case .perClass(let count) = self else { return nil }
        var available = [Int](repeating: 0, count: classes)
        for label in labels where label >= 0 && Int(label) < classes { available[Int(label)] += 1 }
        guard let label = available.firstIndex(where: { $0 < count }) else { return nil }
        return Shortage(label: label, available: available[label], requested: count)
    }

    /// The indices of the labelled examples among `labels` (classes `0..<classes`),
    /// ascending: for each class, the first `N` of its examples in an order `random`
    /// shuffles, so the subset follows from the seed alone.
    public func indices(labels: [Int32], classes: Int, random: inout RandomGenerator) throws(Shortage) -> [Int] {
        guard case .perClass(let count) = self else { return Array(labels.indices) }
        if let shortage = shortage(labels: labels, classes: classes) { throw shortage }
        var chosen: [Int] = []
        for label in 0..<classes {
            var members = labels.indices.filter { labels[$0] == Int32(label) }
            random.shuffle(&members)
            chosen += members.prefix(count)
        }
        return chosen.sorted()
    }
}

/// A model that learns from a labelled subset of the training examples beside the
/// unlabelled batches: the training loop draws the subset its `labelledSubset` asks
/// for and hands it over once, before the first step.
public protocol LabelledSubsetModel: TrainableModel {
    /// The labelled examples the model learns from; nil when it takes none (clustering).
    var labelledSubset: LabelledSubset? { get }
    /// The number of classes the subset is balanced over.
    var labelledClassCount: Int { get }
    /// Keeps a copy of the `count` labelled examples (`count × inputFeatures` values
    /// row-major) and their labels, which its labelled batches are drawn from.
    func useLabelledExamples(_ examples: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int)
}
