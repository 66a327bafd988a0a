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

    /// Everything that decides the batches still to come, for checkpoints.
    public struct State: Equatable, Sendable {
        /// The current epoch's order of the examples.
        public var order: [Int]
        /// The index in `order` where the next batch starts.
        public var position: Int
        /// The generator that shuffles the next epochs.
        public var random: RandomGenerator

        public init(order: [Int], position: Int, random: RandomGenerator) {
            self.order = order
            self.position = position
            self.random = random
        }
    }

    /// The sampler's state: restoring it makes the sampler draw the same batches again.
    public var state: State { State(order: order, position: position, random: random) }

    /// Continues from a saved `state`, which must be a state of a sampler over
    /// `exampleCount` examples (a permutation of them and a position within).
    public mutating func restore(_ state: State) throws(CheckpointError) {
        guard state.order.count == exampleCount, state.position >= 0, state.position <= exampleCount,
              Set(state.order) == Set(0..<exampleCount) else {
            throw CheckpointError.mismatch("the batch order is for \(state.order.count) examples, not \(exampleCount)")
        }
        order = state.order
        position = state.position
        random = state.random
    }

    /// Copies the rows `indices` of a row-major `source` with `width` columns into `destination`.
    public static func gather(rows indices: ArraySlice<Int>, of source: UnsafePointer<Float>, width: Int,
                              into destination: UnsafeMutablePointer<Float>) {
        for (row, index) in indices.enumerated() {
            (destination + row * width).update(from: source + index * width, count: width)
        }
    }
}
