/// The adversarial autoencoder (Makhzani et al., 2015): an autoencoder whose
/// codes are matched to a prior by a discriminator.
///
/// The discriminator learns a batch of prior samples (label 1) against a batch
/// of codes (label 0); the codes are data in that phase, so no gradient reaches
/// the encoder. The encoder then learns to fool the discriminator (its output on
/// the codes labelled 1): in the generator phase the discriminator's gradients
/// are computed but its optimizer is not stepped, so its weights stay untouched.
/// `schedule` says whether reconstruction is learnt in the same update
/// (`combined`) or in a phase of its own (`phased`).
///
/// With `labelAware`, the discriminator also reads a one-hot label with an
/// extra "no label" slot (the paper's Section 2.3): a labelled example's code is
/// matched to the prior's component of its label, an unlabelled one (label −1)
/// to the whole prior.
public final class AdversarialAutoencoder: TrainableModel {
    public let networks: EncoderDecoder
    public let discriminator: Sequential
    public let adversarialPrior: Prior
    public let schedule: AdversarialSchedule
    public let discriminatorSteps: Int
    public let labelAware: Bool
    public let batchSize: Int
    public let discriminatorOptimizer: Optimizer
    /// Updates encoder and decoder on reconstruction (phased), or on the weighted sum (combined).
    public let autoencoderOptimizer: Optimizer
    /// Updates the encoder alone against the discriminator (phased only).
    public let generatorOptimizer: Optimizer?
    public let stepMetricNames: [String]

    private var priorRandom: RandomGenerator
    private var noiseRandom: RandomGenerator
    private let discriminatorPhase: DiscriminatorPhase
    private let autoencoderPhase: AutoencoderPhase
    private let generatorPhase: GeneratorPhase?

    /// The optimizers of the three phases, made for the parameters each updates.
    public struct Optimizers {
        public let discriminator: ([Parameter]) -> Optimizer
        public let autoencoder: ([Parameter]) -> Optimizer
        public let generator: ([Parameter]) -> Optimizer

        public init(discriminator: @escaping ([Parameter]) -> Optimizer,
                    autoencoder: @escaping ([Parameter]) -> Optimizer,
                    generator: @escaping ([Parameter]) -> Optimizer) {
            self.discriminator = discriminator
            self.autoencoder = autoencoder
            self.generator = generator
        }
    }

    public init(networks: EncoderDecoder, discriminator: Sequential, prior: Prior, schedule: AdversarialSchedule,
                discriminatorSteps: Int = 1, labelAware: Bool = false,
                reconstruction: ReconstructionLoss, reconstructionWeight: Float, adversarialWeight: Float,
                batchSize: Int, optimizers: Optimizers, random: RandomGenerator) {
        let latent = networks.encoder.latentDimension
        let labelSlots = labelAware ? ((prior as? LabelConditionedPrior)?.componentCount ?? 0) + 1 : 0
        precondition(!labelAware || labelSlots > 1, "a label-aware AAE needs a prior with labelled components")
        precondition(prior.dimension == latent, "the prior's dimension must equal the code size")
        precondition(discriminator.inputFeatures == latent + labelSlots, "the discriminator must read codes (and labels)")
        precondition(discriminator.outputFeatures == 1, "the discriminator must output one probability")
        self.networks = networks
        self.discriminator = discriminator
        self.adversarialPrior = prior
        self.schedule = schedule
        self.discriminatorSteps = discriminatorSteps
        self.labelAware = labelAware
        self.batchSize = batchSize
        priorRandom = RandomGenerator(seed: random.state, stream: 11)
        noiseRandom = RandomGenerator(seed: random.state, stream: 14)
        discriminatorOptimizer = optimizers.discriminator(discriminator.parameters)
        autoencoderOptimizer = optimizers.autoencoder(networks.parameters)
        discriminatorPhase = DiscriminatorPhase(networks: networks, discriminator: discriminator, labelSlots: labelSlots,
                                                batchSize: batchSize, random: RandomGenerator(seed: random.state, stream: 12))
        let combined = schedule == .combined
        autoencoderPhase = AutoencoderPhase(
            networks: networks, discriminator: combined ? discriminator : nil, labelSlots: labelSlots,
            reconstruction: reconstruction, reconstructionWeight: combined ? reconstructionWeight : 1,
            adversarialWeight: adversarialWeight, batchSize: batchSize,
            random: RandomGenerator(seed: random.state, stream: 13))
        if combined {
            generatorOptimizer = nil
            generatorPhase = nil
            stepMetricNames = ["d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss"]
        } else {
            generatorOptimizer = optimizers.generator(networks.encoder.parameters)
            generatorPhase = GeneratorPhase(networks: networks, discriminator: discriminator, labelSlots: labelSlots,
                                            batchSize: batchSize, random: RandomGenerator(seed: random.state, stream: 15))
            stepMetricNames = ["d_loss", "d_acc", "recon_loss", "adv_loss"]
        }
    }

    public var inputFeatures: Int { networks.encoder.inputFeatures }
    public var latentDimension: Int { networks.encoder.latentDimension }
    public var prior: Prior? { adversarialPrior }
    public var decoderLabelCount: Int { networks.decoderLabelCount }
    public var allParameters: [Parameter] { networks.parameters + discriminator.parameters }

    public func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>, metrics: inout [Float]) {
        if schedule == .phased { trainAutoencoder(batch: batch, labels: labels) }
        var discriminatorLoss: Float = 0, accuracy: Float = 0
        let d = discriminatorPhase
        for _ in 0..<discriminatorSteps {
            d.examples.value.data.update(from: batch, count: d.examples.value.count)
            d.encoded.refillNoise(&noiseRandom)
            samplePrior(labels: labels)
            if let slots = d.labelSlots {
                OneHot.fill(slots.value.data, labels: labels, rows: batchSize, classes: slots.features)
            }
            d.graph.forward()
            d.graph.backward(from: d.loss)
            discriminatorOptimizer.step()
            discriminatorLoss += d.loss.value.scalar
            accuracy += d.accuracy()
        }
        metrics[0] = discriminatorLoss / Float(discriminatorSteps)
        metrics[1] = accuracy / Float(discriminatorSteps)
        switch schedule {
        case .combined:
            let a = trainAutoencoder(batch: batch, labels: labels)
            metrics[2] = a.loss.value.scalar
            metrics[3] = a.reconstructionLoss.value.scalar
            metrics[4] = a.adversarialLoss?.value.scalar ?? 0
        case .phased:
            guard let g = generatorPhase, let generatorOptimizer else { return }
            g.examples.value.data.update(from: batch, count: g.examples.value.count)
            g.encoded.refillNoise(&noiseRandom)
            if let slots = g.labelSlots {
                OneHot.fill(slots.value.data, labels: labels, rows: batchSize, classes: slots.features)
            }
            g.graph.forward()
            g.graph.backward(from: g.loss)
            generatorOptimizer.step()
            metrics[2] = autoencoderPhase.reconstructionLoss.value.scalar
            metrics[3] = g.loss.value.scalar
        }
    }

    @discardableResult
    private func trainAutoencoder(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) -> AutoencoderPhase {
        let a = autoencoderPhase
        a.examples.value.data.update(from: batch, count: a.examples.value.count)
        a.encoded.refillNoise(&noiseRandom)
        if let decoderLabels = a.decoderLabels {
            OneHot.fill(decoderLabels.value.data, labels: labels, rows: batchSize, classes: decoderLabels.features)
        }
        if let slots = a.labelSlots {
            OneHot.fill(slots.value.data, labels: labels, rows: batchSize, classes: slots.features)
        }
        a.graph.forward()
        a.graph.backward(from: a.loss)
        autoencoderOptimizer.step()
        return a
    }

    /// Fills the discriminator's "real" input: prior samples, drawn from the
    /// component of each row's label when the model is label-aware.
    private func samplePrior(labels: UnsafePointer<Int32>) {
        let destination = discriminatorPhase.priorSamples.value.data
        guard labelAware, let conditioned = adversarialPrior as? LabelConditionedPrior else {
            adversarialPrior.sample(rows: batchSize, into: destination, random: &priorRandom)
            return
        }
        let dimension = adversarialPrior.dimension
        for row in 0..<batchSize {
            if (0..<Int32(conditioned.componentCount)).contains(labels[row]) {
                conditioned.sample(rows: 1, labels: labels + row, into: destination + row * dimension, random: &priorRandom)
            } else {
                adversarialPrior.sample(rows: 1, into: destination + row * dimension, random: &priorRandom)
            }
        }
    }

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        networks.encode(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        networks.decode(codes, labels: labels, count: count)
    }
}

/// The discriminator's input for codes: the code, with its one-hot label slots when label-aware.
private func discriminatorInput(_ code: Variable, slots: Variable?) -> Variable {
    guard let slots else { return code }
    return Variable.concatenate([code, slots])
}

/// The discriminator's phase: prior samples labelled 1 against detached codes labelled 0.
private struct DiscriminatorPhase {
    let graph: Graph
    let examples: Variable
    let encoded: EncodedCode
    let priorSamples: Variable
    let labelSlots: Variable?
    let realProbability: Variable
    let fakeProbability: Variable
    let loss: Variable

    init(networks: EncoderDecoder, discriminator: Sequential, labelSlots slotCount: Int, batchSize: Int,
         random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        encoded = networks.encoder(examples)
        priorSamples = graph.input(shape: [batchSize, networks.encoder.latentDimension])
        labelSlots = slotCount > 0 ? graph.input(shape: [batchSize, slotCount]) : nil
        realProbability = discriminator(discriminatorInput(priorSamples, slots: labelSlots))
        fakeProbability = discriminator(discriminatorInput(encoded.code.stoppingGradient(), slots: labelSlots))
        let ones = graph.constant(shape: [batchSize, 1], repeating: 1)
        let zeros = graph.constant(shape: [batchSize, 1], repeating: 0)
        loss = (realProbability.binaryCrossEntropy(ones) + fakeProbability.binaryCrossEntropy(zeros)) * 0.5
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

/// Reconstruction, plus (combined schedule) fooling the frozen discriminator.
private struct AutoencoderPhase {
    let graph: Graph
    let examples: Variable
    let encoded: EncodedCode
    let decoderLabels: Variable?
    let labelSlots: Variable?
    let reconstructionLoss: Variable
    let adversarialLoss: Variable?
    let loss: Variable

    init(networks: EncoderDecoder, discriminator: Sequential?, labelSlots slotCount: Int,
         reconstruction: ReconstructionLoss, reconstructionWeight: Float, adversarialWeight: Float,
         batchSize: Int, random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        encoded = networks.encoder(examples)
        decoderLabels = networks.labelInput(in: graph, rows: batchSize)
        reconstructionLoss = reconstruction.loss(networks.decode(encoded.code, labels: decoderLabels), target: examples)
        guard let discriminator else {
            labelSlots = nil
            adversarialLoss = nil
            loss = reconstructionLoss
            return
        }
        labelSlots = slotCount > 0 ? graph.input(shape: [batchSize, slotCount]) : nil
        let ones = graph.constant(shape: [batchSize, 1], repeating: 1)
        let adversarial = discriminator(discriminatorInput(encoded.code, slots: labelSlots)).binaryCrossEntropy(ones)
        adversarialLoss = adversarial
        loss = reconstructionLoss * reconstructionWeight + adversarial * adversarialWeight
    }
}

/// The phased schedule's generator phase: the encoder alone learns to fool the discriminator.
private struct GeneratorPhase {
    let graph: Graph
    let examples: Variable
    let encoded: EncodedCode
    let labelSlots: Variable?
    let loss: Variable

    init(networks: EncoderDecoder, discriminator: Sequential, labelSlots slotCount: Int, batchSize: Int,
         random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        encoded = networks.encoder(examples)
        labelSlots = slotCount > 0 ? graph.input(shape: [batchSize, slotCount]) : nil
        let ones = graph.constant(shape: [batchSize, 1], repeating: 1)
        loss = discriminator(discriminatorInput(encoded.code, slots: labelSlots)).binaryCrossEntropy(ones)
    }
}
