/// Everything a model changes while it trains: parameter values, state
/// buffers (batch normalisation's running statistics), its optimizers' state
/// and every random stream it draws from (prior samples, posterior noise, the
/// graphs' dropout and noise generators).
///
/// A model restored from its state continues exactly as the model it was taken
/// from: the next steps give the same bits. The architecture is not part of it;
/// the model is rebuilt from its experiment first, then restored.
public struct ModelState: Equatable, Sendable {
    /// The values of `TrainableModel.allParameters`, in order.
    public var parameters: [[Float]]
    /// The values of the model's state buffers, in order.
    public var buffers: [[Float]]
    public var optimizers: [OptimizerState]
    public var randomGenerators: [RandomGenerator]

    public init(parameters: [[Float]] = [], buffers: [[Float]] = [], optimizers: [OptimizerState] = [],
                randomGenerators: [RandomGenerator] = []) {
        self.parameters = parameters
        self.buffers = buffers
        self.optimizers = optimizers
        self.randomGenerators = randomGenerators
    }

    /// The current values of a model's parts.
    public init(parameters: [Parameter], buffers: [StateBuffer], optimizers: [Optimizer],
                randomGenerators: [RandomGenerator]) {
        self.init(parameters: parameters.map(\.value.scalars), buffers: buffers.map(\.value.scalars),
                  optimizers: optimizers.map(OptimizerState.init(of:)), randomGenerators: randomGenerators)
    }

    /// Copies the saved values into a model's parts after checking that every
    /// count and size matches (nothing is changed when one does not), and
    /// returns the saved random generators, `randomGeneratorCount` of them, for
    /// the model to put back into its private streams.
    public func restore(parameters: [Parameter], buffers: [StateBuffer], optimizers: [Optimizer],
                        randomGeneratorCount: Int) throws(CheckpointError) -> [RandomGenerator] {
        try Self.check("parameter", saved: self.parameters, into: parameters.map(\.value))
        try Self.check("state buffer", saved: self.buffers, into: buffers.map(\.value))
        guard self.optimizers.count == optimizers.count else {
            throw CheckpointError.mismatch("the checkpoint has \(self.optimizers.count) optimizers, the model \(optimizers.count)")
        }
        for (saved, optimizer) in zip(self.optimizers, optimizers) {
            try Self.check("optimizer state", saved: saved.tensors, into: optimizer.stateTensors)
        }
        guard randomGenerators.count == randomGeneratorCount else {
            throw CheckpointError.mismatch(
                "the checkpoint has \(randomGenerators.count) random streams, the model \(randomGeneratorCount)")
        }
        Self.copy(self.parameters, into: parameters.map(\.value))
        Self.copy(self.buffers, into: buffers.map(\.value))
        for (saved, optimizer) in zip(self.optimizers, optimizers) {
            Self.copy(saved.tensors, into: optimizer.stateTensors)
            optimizer.iterations = saved.iterations
        }
        return randomGenerators
    }

    private static func check(_ what: String, saved: [[Float]], into tensors: [Tensor]) throws(CheckpointError) {
        guard saved.count == tensors.count else {
            throw CheckpointError.mismatch("the checkpoint has \(saved.count) \(what) tensors, the model \(tensors.count)")
        }
        for (index, (values, tensor)) in zip(saved, tensors).enumerated() where values.count != tensor.count {
            throw CheckpointError.mismatch(
                "\(what) tensor \(index) has \(values.count) values in the checkpoint, \(tensor.count) in the model")
        }
    }

    private static func copy(_ saved: [[Float]], into tensors: [Tensor]) {
        for (values, tensor) in zip(saved, tensors) {
            values.withUnsafeBufferPointer { tensor.data.update(from: $0.baseAddress!, count: tensor.count) }
        }
    }
}
