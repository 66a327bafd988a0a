/// The state of a model that trains one graph with one optimizer and draws
/// posterior noise from one stream (the autoencoders and the VAE): what
/// `checkpointState` saves and `restore` puts back for both.
extension ModelState {
    /// The current values of `networks`, `optimizer`, the noise stream and the graph's own stream.
    init(networks: EncoderDecoder, optimizer: Optimizer, noise: RandomGenerator, graph: Graph) {
        self.init(parameters: networks.parameters, buffers: networks.stateBuffers, optimizers: [optimizer],
                  randomGenerators: [noise, graph.random])
    }

    /// Copies the saved values into `networks` and `optimizer`, puts back the
    /// graph's stream and returns the noise stream.
    func restore(networks: EncoderDecoder, optimizer: Optimizer, graph: Graph) throws(CheckpointError) -> RandomGenerator {
        let generators = try restore(parameters: networks.parameters, buffers: networks.stateBuffers,
                                     optimizers: [optimizer], randomGeneratorCount: 2)
        graph.random = generators[1]
        return generators[0]
    }
}
