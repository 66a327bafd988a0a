/// The adversarial autoencoder (Makhzani et al., 2015): an autoencoder whose
/// codes are matched to a prior by a discriminator.
///
/// The discriminator learns a batch of prior samples (label 1) against a batch
/// of codes (label 0), in one update or two (`discriminatorUpdate`); the codes
/// are data in that phase, so no gradient reaches the encoder. The encoder then
/// learns to fool the discriminator (its output on the codes labelled 1): in the
/// generator phase the discriminator's gradients are computed but its optimizer
/// is not stepped, so its weights stay untouched.
/// `schedule` says whether reconstruction is learnt in the same update
/// (`combined`) or in a phase of its own (`phased`).
///
/// With `labelAware`, the discriminator also reads a one-hot label with an
/// extra "no label" slot (the paper's Section 2.3): a labelled example's code is
/// matched to the prior's component of its label, an unlabelled one (label −1)
/// to the whole prior.
public final class AdversarialAutoencoder: EncoderDecoderModel {
    public let networks: EncoderDecoder
    public let discriminator: Network
    public let adversarialPrior: Prior
    public let schedule: AdversarialSchedule
    public let discriminatorSteps: Int
    public let discriminatorUpdate: DiscriminatorUpdate
    public let labelAware: Bool
    public let batchSize: Int
    /// Updates the discriminator in the discriminator phase.
    public let discriminatorOptimizer: PhaseOptimizer
    /// Updates encoder and decoder: on reconstruction in the phased schedule's
    /// reconstruction phase, or on the weighted sum in the combined schedule's generator phase.
    public let autoencoderOptimizer: PhaseOptimizer
    /// Updates the encoder alone against the discriminator in the phased schedule's generator phase.
    public let generatorOptimizer: PhaseOptimizer?
    public let phaseOptimizers: [PhaseOptimizer]
    public let stepMetrics: StepMetrics
    private let metricSlots: MetricSlots

    private var priorRandom: RandomGenerator
    private var noiseRandom: RandomGenerator
    private let adversarial: AdversarialGraph
    private let reconstructionPhase: ReconstructionGraph?

    public init(networks: EncoderDecoder, discriminator: Network, prior: Prior, schedule: AdversarialSchedule,
                discriminatorSteps: Int = 1, discriminatorUpdate: DiscriminatorUpdate = .joint,
                labelAware: Bool = false,
                reconstruction: ReconstructionLoss, reconstructionWeight: Float, adversarialWeight: Float,
                batchSize: Int, optimizers: PhaseOptimizerMaker, random: RandomGenerator) {
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
        self.discriminatorUpdate = discriminatorUpdate
        self.labelAware = labelAware
        self.batchSize = batchSize
        priorRandom = RandomGenerator(seed: random.state, stream: RandomStreams.adversarialPrior)
        noiseRandom = RandomGenerator(seed: random.state, stream: RandomStreams.adversarialNoise)
        let combined = schedule == .combined
        discriminatorOptimizer = optimizers(.discriminator, discriminator.parameters)
        autoencoderOptimizer = optimizers(combined ? .generator : .reconstruction, networks.parameters)
        adversarial = AdversarialGraph(
            networks: networks, discriminator: discriminator, update: discriminatorUpdate, labelSlots: labelSlots,
            reconstruction: combined ? reconstruction : nil, reconstructionWeight: reconstructionWeight,
            adversarialWeight: combined ? adversarialWeight : 1, batchSize: batchSize,
            random: RandomGenerator(seed: random.state, stream: RandomStreams.adversarialGraph))
        if combined {
            generatorOptimizer = nil
            reconstructionPhase = nil
        } else {
            generatorOptimizer = optimizers(.generator, networks.encoder.parameters)
            reconstructionPhase = ReconstructionGraph(networks: networks, reconstruction: reconstruction,
                                                      batchSize: batchSize,
                                                      random: RandomGenerator(seed: random.state, stream: RandomStreams.adversarialReconstructionGraph))
        }
        phaseOptimizers = [discriminatorOptimizer, autoencoderOptimizer] + (generatorOptimizer.map { [$0] } ?? [])
        var metrics = StepMetrics.Declarations()
        metricSlots = MetricSlots(declaringIn: &metrics, combined: combined)
        stepMetrics = StepMetrics(metrics)
    }

    public var prior: Prior? { adversarialPrior }
    public var allParameters: [Parameter] { networks.parameters + discriminator.parameters }
    private var optimizers: [Optimizer] { phaseOptimizers.map(\.optimizer) }

    private var stateBuffers: [StateBuffer] { networks.stateBuffers + discriminator.stateBuffers }

    public var checkpointState: ModelState {
        ModelState(parameters: allParameters, buffers: stateBuffers, optimizers: optimizers,
                   randomGenerators: [priorRandom, noiseRandom, adversarial.graph.random]
                       + (reconstructionPhase.map { [$0.graph.random] } ?? []))
    }

    public func restore(_ state: ModelState) throws(CheckpointError) {
        let generators = try state.restore(parameters: allParameters, buffers: stateBuffers, optimizers: optimizers,
                                           randomGeneratorCount: reconstructionPhase == nil ? 3 : 4)
        priorRandom = generators[0]
        noiseRandom = generators[1]
        adversarial.graph.random = generators[2]
        reconstructionPhase?.graph.random = generators[3]
    }

    public func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) {
        if let r = reconstructionPhase {
            r.examples.value.data.update(from: batch, count: r.examples.value.count)
            r.encoded.refillNoise(&noiseRandom)
            fillOneHot(r.decoderLabels, labels)
            r.graph.forward()
            r.graph.backward(from: r.loss)
            autoencoderOptimizer.step()
        }
        let a = adversarial
        a.examples.value.data.update(from: batch, count: a.examples.value.count)
        a.encoded.refillNoise(&noiseRandom)
        if let slots = a.labelSlots {
            OneHot.fillWithNoLabelSlot(slots.value.data, labels: labels, rows: slots.rows, classes: slots.features - 1)
        }
        fillOneHot(a.decoderLabels, labels)
        var discriminatorLoss: Float = 0, correct = 0
        for round in 0..<discriminatorSteps {
            samplePrior(labels: labels)
            var start = round == 0 ? 0 : a.discriminatorStart
            for update in a.discriminatorUpdates {
                a.graph.forward(from: start, to: update.end)
                start = update.end
                a.graph.backward(from: update.loss, zeroingUnreached: false)
                discriminatorOptimizer.step()
                discriminatorLoss += update.loss.value.scalar * update.weight
                correct += update.correctCount()
            }
        }
        a.graph.forward(from: a.discriminatorEnd, to: a.graph.nodeCount)
        a.graph.backward(from: a.generatorLoss)
        (generatorOptimizer ?? autoencoderOptimizer).step()
        let slots = metricSlots
        stepMetrics[slots.discriminatorLoss] = discriminatorLoss / Float(discriminatorSteps)
        stepMetrics[slots.discriminatorAccuracy] = Float(correct) / Float(a.discriminatorRowsPerRound * discriminatorSteps)
        if let generatorLoss = slots.generatorLoss { stepMetrics[generatorLoss] = a.generatorLoss.value.scalar }
        stepMetrics[slots.reconstructionLoss] = reconstructionPhase?.loss.value.scalar
            ?? a.reconstructionLoss?.value.scalar ?? 0
        stepMetrics[slots.adversarialLoss] = a.adversarialLoss.value.scalar
    }

    /// The decoder's one-hot labels, when it reads them.
    private func fillOneHot(_ variable: Variable?, _ labels: UnsafePointer<Int32>) {
        guard let variable else { return }
        OneHot.fill(variable.value.data, labels: labels, rows: variable.rows, classes: variable.features)
    }

    /// Fills the discriminator's "real" input: prior samples, drawn from the
    /// component of each row's label when the model is label-aware.
    private func samplePrior(labels: UnsafePointer<Int32>) {
        let destination = adversarial.priorSamples.value.data
        let rows = adversarial.priorSamples.rows
        guard labelAware, let conditioned = adversarialPrior as? LabelConditionedPrior else {
            adversarialPrior.sample(rows: rows, into: destination, random: &priorRandom)
            return
        }
        let dimension = adversarialPrior.dimension
        for row in 0..<rows {
            if (0..<Int32(conditioned.componentCount)).contains(labels[row]) {
                conditioned.sample(rows: 1, labels: labels + row, into: destination + row * dimension, random: &priorRandom)
            } else {
                adversarialPrior.sample(rows: 1, into: destination + row * dimension, random: &priorRandom)
            }
        }
    }
}

/// Where an adversarial autoencoder writes its step metrics: the discriminator's
/// loss and accuracy over its rounds, the combined update's total loss, the
/// reconstruction loss and the encoder's loss against the discriminator.
private struct MetricSlots {
    let discriminatorLoss: StepMetrics.Slot
    let discriminatorAccuracy: StepMetrics.Slot
    /// The combined schedule's weighted sum; the phased schedule has no such update.
    let generatorLoss: StepMetrics.Slot?
    let reconstructionLoss: StepMetrics.Slot
    let adversarialLoss: StepMetrics.Slot

    init(declaringIn metrics: inout StepMetrics.Declarations, combined: Bool) {
        discriminatorLoss = metrics.declare("d_loss")
        discriminatorAccuracy = metrics.declare("d_acc")
        generatorLoss = combined ? metrics.declare("g_loss") : nil
        reconstructionLoss = metrics.declare("recon_loss")
        adversarialLoss = metrics.declare("adv_loss")
    }
}

/// The discriminator's input for codes: the code, with its one-hot label slots when label-aware.
private func discriminatorInput(_ code: Variable, slots: Variable?) -> Variable {
    guard let slots else { return code }
    return Variable.concatenate([code, slots])
}

/// One graph for the discriminator's phase and the generator's phase, which
/// share the encoder's forward pass (the discriminator's update does not change
/// the encoder). Stage one: the discriminator on prior samples (label 1) and
/// the detached codes (label 0), stacked into one batch (`joint`), as two
/// batches one after the other (`separate`), or half a batch of each stacked into
/// one batch of the batch size (`halves`). Stage two, evaluated after the
/// discriminator's update: the encoder against the updated discriminator, plus
/// the weighted reconstruction in the combined schedule.
private struct AdversarialGraph {
    let graph: Graph
    let examples: Variable
    let encoded: EncodedCode
    let priorSamples: Variable
    let labelSlots: Variable?
    let decoderLabels: Variable?
    /// The first node that depends on the prior samples: where repeated discriminator rounds start.
    let discriminatorStart: Int
    /// The optimizer steps of one discriminator round, in graph order.
    let discriminatorUpdates: [DiscriminatorStage]
    /// The first node of the generator's stage, after the last discriminator update's.
    var discriminatorEnd: Int { discriminatorUpdates[discriminatorUpdates.count - 1].end }
    /// The rows the discriminator classifies in one round, over its updates.
    let discriminatorRowsPerRound: Int
    let reconstructionLoss: Variable?
    let adversarialLoss: Variable
    let generatorLoss: Variable

    init(networks: EncoderDecoder, discriminator: Network, update: DiscriminatorUpdate, labelSlots slotCount: Int,
         reconstruction: ReconstructionLoss?, reconstructionWeight: Float, adversarialWeight: Float,
         batchSize: Int, random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        encoded = networks.encoder(examples)
        labelSlots = slotCount > 0 ? graph.input(shape: [batchSize, slotCount]) : nil
        let detachedCodes = discriminatorInput(encoded.code.stoppingGradient(), slots: labelSlots)
        let ones = graph.constant(shape: [batchSize, 1], repeating: 1)
        discriminatorStart = graph.nodeCount
        let priorRows = update.priorRows(batchSize: batchSize)
        priorSamples = graph.input(shape: [priorRows, networks.encoder.latentDimension])
        let priorInput = discriminatorInput(priorSamples, slots: labelSlots?.firstRows(priorRows))
        switch update {
        case .joint:
            let probability = discriminator(Variable.stackRows([priorInput, detachedCodes]))
            let targets = Tensor(shape: [2 * batchSize, 1])
            for row in 0..<batchSize { targets[row] = 1 }
            let loss = probability.binaryCrossEntropy(graph.constant(targets))
            discriminatorUpdates = [DiscriminatorStage(end: graph.nodeCount, loss: loss, probability: probability,
                                                       priorRows: batchSize, weight: 1)]
        case .separate:
            let priorProbability = discriminator(priorInput)
            let priorLoss = priorProbability.binaryCrossEntropy(ones)
            let priorStage = DiscriminatorStage(end: graph.nodeCount, loss: priorLoss, probability: priorProbability,
                                                priorRows: batchSize, weight: 0.5)
            let codeProbability = discriminator(detachedCodes)
            let codeLoss = codeProbability.binaryCrossEntropy(graph.constant(shape: [batchSize, 1], repeating: 0))
            discriminatorUpdates = [priorStage,
                                    DiscriminatorStage(end: graph.nodeCount, loss: codeLoss, probability: codeProbability,
                                                       priorRows: 0, weight: 0.5)]
        case .halves:
            let probability = discriminator(Variable.stackRows([priorInput, detachedCodes.firstRows(priorRows)]))
            let targets = Tensor(shape: [2 * priorRows, 1])
            for row in 0..<priorRows { targets[row] = 1 }
            let loss = probability.binaryCrossEntropy(graph.constant(targets))
            discriminatorUpdates = [DiscriminatorStage(end: graph.nodeCount, loss: loss, probability: probability,
                                                       priorRows: priorRows, weight: 1)]
        }
        discriminatorRowsPerRound = discriminatorUpdates.reduce(0) { $0 + $1.probability.rows }

        adversarialLoss = discriminator(discriminatorInput(encoded.code, slots: labelSlots)).binaryCrossEntropy(ones)
        if let reconstruction {
            decoderLabels = networks.labelInput(in: graph, rows: batchSize)
            let decoded = networks.decode(encoded.code, labels: decoderLabels)
            let reconstructionTerm = reconstruction.loss(decoded, target: examples)
            reconstructionLoss = reconstructionTerm
            generatorLoss = reconstructionTerm * reconstructionWeight + adversarialLoss * adversarialWeight
        } else {
            decoderLabels = nil
            reconstructionLoss = nil
            generatorLoss = adversarialLoss
        }
    }
}

/// One optimizer step of a discriminator round: the graph's nodes before `end`
/// compute `loss` on a batch whose first `priorRows` rows are prior samples and
/// whose other rows are codes.
private struct DiscriminatorStage {
    let end: Int
    let loss: Variable
    let probability: Variable
    let priorRows: Int
    /// This step's share of the round's reported loss.
    let weight: Float

    /// How many rows the discriminator classifies correctly (prior samples above 0.5, codes at or below).
    func correctCount() -> Int {
        let values = probability.value
        var correct = 0
        for i in 0..<priorRows where values.data[i] > 0.5 { correct += 1 }
        for i in priorRows..<values.count where values.data[i] <= 0.5 { correct += 1 }
        return correct
    }
}

/// The phased schedule's reconstruction phase: encoder and decoder on reconstruction alone.
private struct ReconstructionGraph {
    let graph: Graph
    let examples: Variable
    let encoded: EncodedCode
    let decoderLabels: Variable?
    let loss: Variable

    init(networks: EncoderDecoder, reconstruction: ReconstructionLoss, batchSize: Int, random: RandomGenerator) {
        graph = Graph(isTraining: true, random: random)
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        encoded = networks.encoder(examples)
        decoderLabels = networks.labelInput(in: graph, rows: batchSize)
        loss = reconstruction.loss(networks.decode(encoded.code, labels: decoderLabels), target: examples)
    }
}
