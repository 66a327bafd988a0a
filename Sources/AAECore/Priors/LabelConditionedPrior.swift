/// A prior made of numbered parts (mixture components, swiss-roll segments,
/// classes) that can draw each sample from the part a label names: what the
/// label-aware AAE of the paper's Section 2.3 (Fig. 4) matches labelled codes to.
public protocol LabelConditionedPrior: Prior {
    /// The number of parts; labels run over `0..<componentCount`.
    var componentCount: Int { get }
    /// Writes `rows` samples row-major at `destination`, row `i` drawn from
    /// part `labels[i]`, which must lie in `0..<componentCount`: any other label
    /// stops the program, in unchecked builds too, rather than touch memory
    /// out of bounds.
    func sample(rows: Int, labels: UnsafePointer<Int32>, into destination: UnsafeMutablePointer<Float>,
                random: inout RandomGenerator)
}

extension LabelConditionedPrior {
    /// One sample per label, drawn from that label's part, as a row-major array.
    public func samples(labels: [Int32], random: inout RandomGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: labels.count * dimension)
        labels.withUnsafeBufferPointer { labels in
            values.withUnsafeMutableBufferPointer {
                guard let labelBase = labels.baseAddress, let base = $0.baseAddress else { return }
                sample(rows: labels.count, labels: labelBase, into: base, random: &random)
            }
        }
        return values
    }
}
