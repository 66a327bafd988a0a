/// Draws training batches in epochs: each epoch visits every example once in a
/// fresh seeded order, as Keras' `shuffle=True` does.
public struct BatchSampler {
    public let exampleCount: Int
    public let batchSize: Int
    public private(set) var random: RandomGenerator
    private var order: [Int]
    private var position: Int

    public init(exampleCount: Int, batchSize: Int, random: RandomGenerator) {
        precondition(batchSize > 0 && batchSize <= exampleCount,
                     "batch size \(batchSize) for \(exampleCount) examples")
        self.exampleCount = exampleCount
        self.batchSize = batchSize
        self.random = random
        self.order = Array(0..<exampleCount)
        self.position = exampleCount
    }

    /// The indices of the next batch; a new epoch starts, reshuffled, when fewer
    /// than `batchSize` examples are left in the current one.
    public mutating func nextBatch() -> ArraySlice<Int> {
        if position + batchSize > exampleCount {
            random.shuffle(&order)
            position = 0
        }
        defer { position += batchSize }
        return order[position..<(position + batchSize)]
    }

    /// Copies the rows `indices` of a row-major `source` with `width` columns into `destination`.
    public static func gather(rows indices: ArraySlice<Int>, of source: UnsafePointer<Float>, width: Int,
                              into destination: UnsafeMutablePointer<Float>) {
        for (row, index) in indices.enumerated() {
            (destination + row * width).update(from: source + index * width, count: width)
        }
    }
}
