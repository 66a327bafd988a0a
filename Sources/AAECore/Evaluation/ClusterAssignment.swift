/// Names each cluster of a clustering by the majority label of the training
/// examples assigned to it, and scores held-out examples by that naming: the
/// unsupervised clustering error of Makhzani et al. (2015, Section 6).
public struct ClusterAssignment: Sendable, Equatable {
    /// The label each cluster is named by; `OneHot.noLabel` for a cluster no training example falls in.
    public let clusterLabels: [Int32]

    /// The naming from training examples' clusters (each in `0..<clusterCount`)
    /// and labels; a tie goes to the smaller label.
    public init(clusters: [Int], labels: [Int32], clusterCount: Int) {
        precondition(clusters.count == labels.count, "one cluster per labelled example")
        let classes = Int(labels.max() ?? 0) + 1
        var counts = [Int](repeating: 0, count: clusterCount * classes)
        for (cluster, label) in zip(clusters, labels) where label >= 0 { counts[cluster * classes + Int(label)] += 1 }
        clusterLabels = (0..<clusterCount).map { cluster in
            let row = counts[(cluster * classes)..<((cluster + 1) * classes)]
            guard let most = row.max(), most > 0 else { return OneHot.noLabel }
            return Int32(row.firstIndex(of: most)! - cluster * classes)
        }
    }

    /// The number of clusters at least one training example fell in.
    public var clustersUsed: Int { clusterLabels.filter { $0 != OneHot.noLabel }.count }

    /// The fraction of examples whose cluster's label is not theirs (an example in
    /// a cluster without training examples counts as wrong).
    public func error(clusters: [Int], labels: [Int32]) -> Double {
        precondition(clusters.count == labels.count, "one cluster per labelled example")
        guard !labels.isEmpty else { return 0 }
        let wrong = zip(clusters, labels).filter { clusterLabels[$0.0] != $0.1 }.count
        return Double(wrong) / Double(labels.count)
    }

    /// The most probable category of each row of `probabilities` (`width` values per row).
    public static func argmax(_ probabilities: [Float], width: Int) -> [Int] {
        stride(from: 0, to: probabilities.count, by: width).map { start in
            var best = start
            for i in start..<(start + width) where probabilities[i] > probabilities[best] { best = i }
            return best - start
        }
    }
}
