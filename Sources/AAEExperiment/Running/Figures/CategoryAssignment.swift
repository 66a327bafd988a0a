import AAECore

/// Which class or cluster `argmax q(y|x)` puts each held-out image in, and the order the
/// figures of a `CategoricalCodeModel` show its categories in.
///
/// When the model has as many categories as the data have labels, its categories are
/// the classes (the semi-supervised AAE learns category `k` from label `k`): they are
/// shown in their own order and named by their label. Otherwise they are clusters
/// (the unsupervised clustering AAE): each is named by the majority label of the
/// held-out images assigned to it, and they are shown ordered by that label (ties by
/// cluster index; clusters no held-out image falls in go last), so clusters of one
/// digit sit together.
public struct CategoryAssignment: Sendable {
    public let categoryCount: Int
    /// The number of labels: one more than the largest held-out label.
    public let labelCount: Int
    /// `counts[category * labelCount + label]`: the held-out images of that label the
    /// model puts in that category.
    public let counts: [Int]
    /// Whether the categories are the classes (as many as the labels) rather than clusters.
    public let areClasses: Bool
    /// The categories in the order the figures show them.
    public let order: [Int]
    /// The name the figures give each category, by category: `digit 3`, or `cluster 12: digit 7`.
    public let names: [String]

    /// The assignment of the first `RunFigures.heldOutLimit` images of `test`.
    public init(model: CategoricalCodeModel, test: LabeledImages) {
        let images = test.slice(0..<min(RunFigures.heldOutLimit, test.count))
        let categories = model.categoryCount
        let probabilities = images.count == 0 ? [] : images.pixels.withUnsafeBufferPointer {
            model.categoryProbabilities($0.baseAddress!, count: images.count)
        }
        self.init(categoryCount: categories, probabilities: probabilities, labels: images.labels.map(Int.init),
                  classNames: test.classNames, labelCount: (images.labels.max().map(Int.init) ?? 0) + 1)
    }

    /// The assignment of images with these `q(y|x)` rows (`labels.count × categoryCount`) and labels.
    public init(categoryCount: Int, probabilities: [Float], labels: [Int], classNames: ClassNames, labelCount: Int) {
        precondition(probabilities.count == labels.count * categoryCount, "need one q(y|x) row per label")
        self.categoryCount = categoryCount
        self.labelCount = labelCount
        let pairs = zip(ClusterAssignment.argmax(probabilities, width: categoryCount), labels)
            .filter { (0..<labelCount).contains($0.1) }
        var counts = [Int](repeating: 0, count: categoryCount * labelCount)
        for (category, label) in pairs { counts[category * labelCount + label] += 1 }
        self.counts = counts
        areClasses = categoryCount == labelCount
        let majority = ClusterAssignment(clusters: pairs.map(\.0), labels: pairs.map { Int32($0.1) },
                                         clusterCount: categoryCount)
            .clusterLabels.map { $0 == OneHot.noLabel ? nil : Int($0) }
        if areClasses {
            order = Array(0..<categoryCount)
            names = (0..<categoryCount).map { classNames.name($0) }
        } else {
            order = (0..<categoryCount).sorted { a, b in
                (majority[a] ?? labelCount, a) < (majority[b] ?? labelCount, b)
            }
            names = (0..<categoryCount).map { category in
                "cluster \(category): " + (majority[category].map { classNames.name($0) } ?? "none")
            }
        }
    }

    /// The held-out images assigned to `category`.
    public func total(of category: Int) -> Int {
        counts[category * labelCount..<(category + 1) * labelCount].reduce(0, +)
    }

    /// What a category is called on an axis: `class` or `cluster`.
    public var axisTitle: String { areClasses ? "class" : "cluster" }
}
