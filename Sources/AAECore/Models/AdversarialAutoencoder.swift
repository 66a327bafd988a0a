/// The adversarial autoencoder (Makhzani et al., 2015) with a deterministic
/// posterior, trained as the Keras seed notebook trains it.
///
/// Each step has two phases. The discriminator learns a batch of prior samples
/// (label 1) against a batch of the encoder's codes (label 0); the codes are
/// data here, so no gradient reaches the encoder. Then encoder and decoder learn
/// the weighted sum of the reconstruction loss and of fooling the discriminator
/// (its output on the codes labelled 1). The discriminator's gradients are
/// computed in that second phase too but its optimizer is not stepped, so its
/// weights stay untouched.
public final class AdversarialAutoencoder: TrainableModel {
    public let encoder: Sequential
    public let decoder: Sequential
    public let discriminator: Sequential
    public let adversarialPrior: Prior
    public let reconstruction: ReconstructionLoss
    public let reconstructionWeight: Float
    public let adversarialWeight: Float
    public let batchSize: Int
    /// Updates the discriminator.
    public let discriminatorOptimizer: Optimizer
    /// Updates encoder and decoder.
    public let autoencoderOptimizer: Optimizer
    /// The generator prior samples are drawn from.
    public var priorRandom: RandomGenerator

    private let discriminatorPhase: DiscriminatorPhase
    private let generatorPhase: GeneratorPhase
    private let inferenceEncoder: InferenceNetwork
    private let inferenceDecoder: InferenceNetwork

    public let stepMetricNames = ["d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss"]

    public init(encoder: Sequential, decoder: Sequential, discriminator: Sequential, prior: Prior,
                reconstruction: ReconstructionLoss, reconstructionWeight: Float, adversarialWeight: Float,
                batchSize: Int, makeOptimizer: ([Parameter]) -> Optimizer, random: RandomGenerator) {
        precondition(encoder.outputFeatures == prior.dimension, "the prior's dimension must equal the code size")
        precondition(discriminator.inputFeatures == encoder.outputFeatures, "the discriminator must read codes")
        precondition(decoder.outputFeatures == encoder.inputFeatures, "the decoder must output an example")
        self.encoder = encoder
        self.decoder = decoder
        self.discriminator = discriminator
        self.adversarialPrior = prior
        self.reconstruction = reconstruction
        self.reconstructionWeight = reconstructionWeight
        self.adversarialWeight = adversarialWeight
        self.batchSize = batchSize
        self.priorRandom = RandomGenerator(seed: random.state, stream: 11)
        discriminatorOptimizer = makeOptimizer(discriminator.parameters)
        autoencoderOptimizer = makeOptimizer(encoder.parameters + decoder.parameters)
        discriminatorPhase = DiscriminatorPhase(encoder: encoder, discriminator: discriminator,
                                                batchSize: batchSize, random: RandomGenerator(seed: random.state, stream: 12))
        generatorPhase = GeneratorPhase(encoder: encoder, decoder: decoder, discriminator: discriminator,
                                        reconstruction: reconstruction, reconstructionWeight: reconstructionWeight,
                                        adversarialWeight: adversarialWeight, batchSize: batchSize,
                                        random: RandomGenerator(seed: random.state, stream: 13))
        inferenceEncoder = InferenceNetwork(encoder, inputFeatures: encoder.inputFeatures)
        inferenceDecoder = InferenceNetwork(decoder, inputFeatures: decoder.inputFeatures)
    }

    public var inputFeatures: Int { encoder.inputFeatures }
    public var latentDimension: Int { encoder.outputFeatures }
    public var allParameters: [Parameter] { encoder.parameters + decoder.parameters + discriminator.parameters }

    public var prior: Prior? { adversarialPrior }

    public func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>, metrics: inout [Float]) {
        let exampleCount = batchSize * inputFeatures
        let d = discriminatorPhase
        d.examples.value.data.update(from: batch, count: exampleCount)
        adversarialPrior.sample(rows: batchSize, into: d.priorSamples.value.data, random: &priorRandom)
        d.graph.forward()
        d.graph.backward(from: d.loss)
        discriminatorOptimizer.step()

        let g = generatorPhase
        g.examples.value.data.update(from: batch, count: exampleCount)
        g.graph.forward()
        g.graph.backward(from: g.loss)
        autoencoderOptimizer.step()

        metrics[0] = d.loss.value.scalar
        metrics[1] = d.accuracy()
        metrics[2] = g.loss.value.scalar
        metrics[3] = g.reconstructionLoss.value.scalar
        metrics[4] = g.adversarialLoss.value.scalar
    }

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        inferenceEncoder(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        inferenceDecoder(codes, count: count)
    }
}

/// The discriminator's phase: prior samples labelled 1 against detached codes labelled 0.
private struct DiscriminatorPhase {
    let graph: Graph
    let examples: Variable
    let priorSamples: Variable
    let realProbability: Variable
    let fakeProbability: Variable
    let loss: Variable

    init(encoder: Sequential, discriminator: Sequential, batchSize: Int, random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, encoder.inputFeatures])
        priorSamples = graph.input(shape: [batchSize, encoder.outputFeatures])
        let codes = encoder(examples).stoppingGradient()
        realProbability = discriminator(priorSamples)
        fakeProbability = discriminator(codes)
        let ones = graph.constant(shape: [batchSize, discriminator.outputFeatures], repeating: 1)
        let zeros = graph.constant(shape: [batchSize, discriminator.outputFeatures], repeating: 0)
        let realLoss = realProbability.binaryCrossEntropy(ones)
        let fakeLoss = fakeProbability.binaryCrossEntropy(zeros)
        loss = (realLoss + fakeLoss) * 0.5
    }

    /// The fraction of prior samples and codes the discriminator classifies correctly.
    func accuracy() -> Float {
        let real = realProbability.value, fake = fakeProbability.value
        var correct = 0
        for i in 0..<real.count where real.data[i] > 0.5 { correct += 1 }
        for i in 0..<fake.count where fake.data[i] <= 0.5 { correct += 1 }
        return Float(correct) / Float(real.count + fake.count)
    }
}

/// The autoencoder's phase: reconstruction plus fooling the (frozen) discriminator.
private struct GeneratorPhase {
    let graph: Graph
    let examples: Variable
    let reconstructionLoss: Variable
    let adversarialLoss: Variable
    let loss: Variable

    init(encoder: Sequential, decoder: Sequential, discriminator: Sequential, reconstruction: ReconstructionLoss,
         reconstructionWeight: Float, adversarialWeight: Float, batchSize: Int, random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, encoder.inputFeatures])
        let codes = encoder(examples)
        let reconstructions = decoder(codes)
        reconstructionLoss = reconstruction.loss(reconstructions, target: examples)
        let ones = graph.constant(shape: [batchSize, discriminator.outputFeatures], repeating: 1)
        adversarialLoss = discriminator(codes).binaryCrossEntropy(ones)
        loss = reconstructionLoss * reconstructionWeight + adversarialLoss * adversarialWeight
    }
}
