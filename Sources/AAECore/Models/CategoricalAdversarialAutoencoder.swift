/// The adversarial autoencoder whose code is made of named latent groups — a
/// categorical group `y` (a softmax head `q(y|x)`) and a style group `z` — each
/// matched to its own prior by its own discriminator: the semi-supervised,
/// clustering and dimensionality-reduction AAEs of Makhzani et al. (2015,
/// Sections 5–7).
///
/// The encoder outputs the groups' blocks side by side; each block goes through
/// its group's activation. The decoder reads the groups' codes side by side, or,
/// with cluster heads, the representation `W_c · y + z` (Section 7).
///
/// A step runs the phases the model was built with, in the paper's order:
/// (1) `reconstruction`: encoder, decoder (and the cluster heads) on reconstruction;
/// (2) `discriminator`: each group's discriminator learns its prior's samples
/// (label 1) against its group's codes (label 0), all in one update of their
/// disjoint weights; `generator`: the encoder learns to fool every discriminator
/// (the sum of their losses), the discriminators' weights untouched;
/// (3) `classification`: the encoder learns `q(y|x)` by cross-entropy on a batch
/// drawn from the labelled subset; `cluster_heads`: the cluster heads pay
/// `ClusterHeadPenalty`. Without `classification` it clusters; with
/// `classification` alone it is the supervised baseline on the labelled examples.
public final class CategoricalAdversarialAutoencoder: CategoricalCodeModel, LabelledSubsetModel {
    /// Reads an example; outputs every group's block side by side.
    public let encoder: Network
    public let decoder: Network
    public let groups: [LatentGroup]
    /// `W_c` (a dense layer without bias from the categorical group to the
    /// style's size), when the representation is `W_c · y + z`.
    public let clusterHeads: Network?
    public let clusterHeadPenalty: ClusterHeadPenalty?
    /// The phases each step runs, in order.
    public let phases: [TrainingPhase]
    public let labelledSubset: LabelledSubset?
    public let batchSize: Int
    public let inputFeatures: Int
    public let latentDimension: Int
    public let phaseOptimizers: [PhaseOptimizer]
    public let stepMetrics: StepMetrics

    private let categoricalIndex: Int
    private let styleIndex: Int
    private let optimizers: [TrainingPhase: PhaseOptimizer]
    private let slots: MetricSlots
    private var priorRandom: [RandomGenerator]
    private var labelledRandom: RandomGenerator
    private var reconstructionGraph: ReconstructionStage?
    private var adversarialGraph: AdversarialStage?
    private var classificationGraph: ClassificationStage?
    /// The classification graph's stream until the labelled examples arrive and the graph is built.
    private var classificationGraphRandom: RandomGenerator
    private var labelledExamples: [Float] = []
    private var labelledLabels: [Int32] = []

    private lazy var encodeNetwork = InferenceNetwork(inputFeatures: inputFeatures) { [unowned self] x in
        InferenceNetwork.Built(output: representation(x).code)
    }
    private lazy var probabilityNetwork = InferenceNetwork(inputFeatures: inputFeatures) { [unowned self] x in
        InferenceNetwork.Built(output: representation(x).codes[categoricalIndex])
    }
    private lazy var decodeNetwork = InferenceNetwork(decoder, inputFeatures: latentDimension)

    /// `groups` must be one categorical group and one style group; with
    /// `clusterHeads` (input the categories, output the style's size) the code is
    /// `W_c · y + z` and `clusterHeadPenalty` is its cost.
    public init(encoder: Network, decoder: Network, groups: [LatentGroup], clusterHeads: Network? = nil,
                clusterHeadPenalty: ClusterHeadPenalty? = nil, phases: [TrainingPhase], labelledSubset: LabelledSubset?,
                reconstruction: ReconstructionLoss, batchSize: Int, optimizers make: PhaseOptimizerMaker,
                random: RandomGenerator) {
        guard groups.count == 2, let categorical = groups.firstIndex(where: \.isCategorical) else {
            preconditionFailure("a categorical AAE has one categorical group and one style group")
        }
        categoricalIndex = categorical
        styleIndex = 1 - categorical
        let categories = groups[categorical].size, style = groups[1 - categorical].size
        precondition(encoder.outputFeatures == groups.reduce(0) { $0 + $1.size }, "the encoder must output every group's block")
        if let clusterHeads {
            precondition(clusterHeads.inputFeatures == categories && clusterHeads.outputFeatures == style
                         && clusterHeads.parameters.count == 1, "the cluster heads map a category to a style without bias")
            precondition(clusterHeadPenalty != nil, "cluster heads need their penalty")
        }
        precondition(!phases.contains(.clusterHeads) || clusterHeads != nil, "the cluster_heads phase needs cluster heads")
        precondition(!phases.contains(.classification) || labelledSubset != nil, "classification needs labelled examples")
        self.encoder = encoder
        self.decoder = decoder
        self.groups = groups
        self.clusterHeads = clusterHeads
        self.clusterHeadPenalty = clusterHeadPenalty
        self.phases = TrainingPhase.allCases.filter(phases.contains)
        self.labelledSubset = labelledSubset
        self.batchSize = batchSize
        inputFeatures = encoder.inputFeatures
        latentDimension = clusterHeads == nil ? categories + style : style
        precondition(decoder.inputFeatures == latentDimension && decoder.outputFeatures == inputFeatures,
                     "the decoder must read the code and output an example")

        let discriminators = groups.flatMap(\.discriminator.parameters)
        let headParameters = clusterHeads?.parameters ?? []
        var made: [TrainingPhase: PhaseOptimizer] = [:]
        for phase in self.phases {
            switch phase {
            case .reconstruction: made[phase] = make(phase, encoder.parameters + decoder.parameters + headParameters)
            case .discriminator: made[phase] = make(phase, discriminators)
            case .clusterHeads: made[phase] = make(phase, headParameters)
            default: made[phase] = make(phase, encoder.parameters)
            }
        }
        optimizers = made
        phaseOptimizers = self.phases.compactMap { made[$0] }
        priorRandom = groups.indices.map {
            RandomGenerator(seed: random.state, stream: RandomStreams.groupPriors + UInt64($0))
        }
        labelledRandom = RandomGenerator(seed: random.state, stream: RandomStreams.labelledBatches)
        classificationGraphRandom = RandomGenerator(seed: random.state, stream: RandomStreams.groupGraphs + 2)
        var declarations = StepMetrics.Declarations()
        slots = MetricSlots(declaringIn: &declarations, phases: self.phases, groups: groups)
        stepMetrics = StepMetrics(declarations)
        if self.phases.contains(.reconstruction) {
            let graph = Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: RandomStreams.groupGraphs))
            let examples = graph.input(shape: [batchSize, inputFeatures])
            let loss = reconstruction.loss(decoder(representation(examples).code), target: examples)
            reconstructionGraph = ReconstructionStage(graph: graph, examples: examples, loss: loss)
        }
        if self.phases.contains(.discriminator) || self.phases.contains(.generator) {
            adversarialGraph = AdversarialStage(
                graph: Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: RandomStreams.groupGraphs + 1)),
                model: self, batchSize: batchSize)
        }
    }

    public var prior: Prior? { nil }
    public var categoryCount: Int { groups[categoricalIndex].size }
    public var styleDimension: Int { groups[styleIndex].size }
    public var stylePrior: Prior { groups[styleIndex].prior }
    public var labelledClassCount: Int { categoryCount }

    public var allParameters: [Parameter] {
        encoder.parameters + decoder.parameters + groups.flatMap(\.discriminator.parameters)
            + (clusterHeads?.parameters ?? [])
    }

    private var stateBuffers: [StateBuffer] {
        encoder.stateBuffers + decoder.stateBuffers + groups.flatMap(\.discriminator.stateBuffers)
            + (clusterHeads?.stateBuffers ?? [])
    }

    public var namedTensors: [NamedTensor] {
        encoder.namedTensors + decoder.namedTensors + groups.flatMap(\.discriminator.namedTensors)
            + (clusterHeads?.namedTensors ?? [])
    }

    /// Every group's code from the encoder's output on `examples`, with the
    /// blocks before activation (the categorical block is `q(y|x)`'s logits), and
    /// the code the decoder reads.
    func representation(_ examples: Variable) -> (blocks: [Variable], codes: [Variable], code: Variable) {
        let output = encoder(examples)
        var start = 0
        var blocks: [Variable] = [], codes: [Variable] = []
        for group in groups {
            let block = output.columns(start..<(start + group.size))
            start += group.size
            blocks.append(block)
            codes.append(group.code(block))
        }
        guard let clusterHeads else { return (blocks, codes, Variable.concatenate(codes)) }
        return (blocks, codes, clusterHeads(codes[categoricalIndex]) + codes[styleIndex])
    }

    // MARK: Training

    public func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) {
        if let stage = reconstructionGraph, let optimizer = optimizers[.reconstruction] {
            stage.examples.value.data.update(from: batch, count: stage.examples.value.count)
            stage.graph.forward()
            stage.graph.backward(from: stage.loss)
            optimizer.step()
            stepMetrics[slots.reconstructionLoss!] = stage.loss.value.scalar
        }
        if let stage = adversarialGraph { trainAdversarially(stage, batch: batch) }
        if let optimizer = optimizers[.classification] { trainClassifier(optimizer) }
        if let optimizer = optimizers[.clusterHeads], let penalty = clusterHeadPenalty,
           let kernel = clusterHeads?.parameters.first {
            let value = penalty.apply(kernel.value.data, heads: categoryCount, dimension: styleDimension,
                                      gradient: kernel.gradient.data)
            optimizer.step()
            stepMetrics[slots.headPenalty!] = value
        }
    }

    /// The regularisation phase: the discriminators, then the encoder against them.
    private func trainAdversarially(_ stage: AdversarialStage, batch: UnsafePointer<Float>) {
        stage.examples.value.data.update(from: batch, count: stage.examples.value.count)
        for (index, group) in groups.enumerated() {
            group.prior.sample(rows: batchSize, into: stage.priorSamples[index].value.data, random: &priorRandom[index])
        }
        stage.graph.forward(from: 0, to: stage.discriminatorEnd)
        if let optimizer = optimizers[.discriminator] {
            stage.graph.backward(from: stage.discriminatorLoss, zeroingUnreached: false)
            optimizer.step()
            for index in groups.indices {
                stepMetrics[slots.discriminatorLoss[index]] = stage.groupLosses[index].value.scalar
                stepMetrics[slots.discriminatorAccuracy[index]] = stage.accuracy(of: index)
            }
        }
        guard let optimizer = optimizers[.generator] else { return }
        stage.graph.forward(from: stage.discriminatorEnd, to: stage.graph.nodeCount)
        stage.graph.backward(from: stage.generatorLoss)
        optimizer.step()
        stepMetrics[slots.adversarialLoss!] = stage.generatorLoss.value.scalar
    }

    /// The semi-supervised phase: cross-entropy of `q(y|x)` on labelled examples
    /// drawn uniformly, with replacement, from the labelled subset.
    private func trainClassifier(_ optimizer: PhaseOptimizer) {
        guard let stage = classificationGraph else {
            preconditionFailure("the labelled examples must be given (useLabelledExamples) before training")
        }
        let rows = stage.examples.rows, width = inputFeatures, classes = categoryCount
        let examples = stage.examples.value.data, targets = stage.targets.value.data
        targets.update(repeating: 0, count: rows * classes)
        let count = labelledLabels.count
        labelledExamples.withUnsafeBufferPointer { source in
            for row in 0..<rows {
                let index = labelledRandom.nextInt(below: count)
                (examples + row * width).update(from: source.baseAddress! + index * width, count: width)
                targets[row * classes + Int(labelledLabels[index])] = 1
            }
        }
        stage.graph.forward()
        stage.graph.backward(from: stage.loss)
        optimizer.step()
        stepMetrics[slots.classificationLoss!] = stage.loss.value.scalar
    }

    public func useLabelledExamples(_ examples: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int) {
        precondition(count > 0, "the labelled subset is empty")
        labelledExamples = Array(UnsafeBufferPointer(start: examples, count: count * inputFeatures))
        labelledLabels = Array(UnsafeBufferPointer(start: labels, count: count))
        precondition(labelledLabels.allSatisfy { (0..<Int32(categoryCount)).contains($0) },
                     "a labelled example's class must be one of the \(categoryCount) categories")
        guard phases.contains(.classification), classificationGraph == nil else { return }
        let graph = Graph(isTraining: true, random: classificationGraphRandom)
        let rows = min(batchSize, count)
        let input = graph.input(shape: [rows, inputFeatures])
        let targets = graph.input(shape: [rows, categoryCount])
        let logits = representation(input).blocks[categoricalIndex]
        classificationGraph = ClassificationStage(graph: graph, examples: input, targets: targets,
                                                  loss: logits.softmaxCrossEntropy(targets))
    }

    // MARK: Inference

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        encodeNetwork(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        decodeNetwork(codes, count: count)
    }

    public func categoryProbabilities(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        probabilityNetwork(examples, count: count)
    }

    /// The codes of one-hot categories with styles — the groups side by side, or
    /// the category's cluster head plus the style — through the decoder.
    public func decode(categories: UnsafePointer<Int32>, styles: UnsafePointer<Float>, count: Int) -> [Float] {
        let categories = UnsafeBufferPointer(start: categories, count: count)
        let k = categoryCount, s = styleDimension, width = latentDimension
        var codes = [Float](repeating: 0, count: count * width)
        for (row, category) in categories.enumerated() {
            precondition((0..<Int32(k)).contains(category), "category \(category) is not one of the \(k)")
            if let kernel = clusterHeads?.parameters.first {
                for j in 0..<s { codes[row * width + j] = kernel.value.data[Int(category) * s + j] + styles[row * s + j] }
            } else {
                let categoryStart = categoricalIndex == 0 ? 0 : s, styleStart = categoricalIndex == 0 ? k : 0
                codes[row * width + categoryStart + Int(category)] = 1
                for j in 0..<s { codes[row * width + styleStart + j] = styles[row * s + j] }
            }
        }
        return codes.withUnsafeBufferPointer { decodeNetwork($0.baseAddress!, count: count) }
    }

    // MARK: Checkpoints

    private var graphRandoms: [RandomGenerator] {
        [reconstructionGraph?.graph.random, adversarialGraph?.graph.random].compactMap { $0 }
            + [classificationGraph?.graph.random ?? classificationGraphRandom]
    }

    public var checkpointState: ModelState {
        ModelState(parameters: allParameters, buffers: stateBuffers, optimizers: phaseOptimizers.map(\.optimizer),
                   randomGenerators: priorRandom + [labelledRandom] + graphRandoms)
    }

    public func restore(_ state: ModelState) throws(CheckpointError) {
        let groupCount = groups.count
        let generators = try state.restore(parameters: allParameters, buffers: stateBuffers,
                                           optimizers: phaseOptimizers.map(\.optimizer),
                                           randomGeneratorCount: groupCount + 1 + graphRandoms.count)
        priorRandom = Array(generators[0..<groupCount])
        labelledRandom = generators[groupCount]
        var next = groupCount + 1
        if let stage = reconstructionGraph {
            stage.graph.random = generators[next]
            next += 1
        }
        if let stage = adversarialGraph {
            stage.graph.random = generators[next]
            next += 1
        }
        classificationGraphRandom = generators[next]
        classificationGraph?.graph.random = generators[next]
    }
}

/// The reconstruction phase's graph.
private struct ReconstructionStage {
    let graph: Graph
    let examples: Variable
    let loss: Variable
}

/// The semi-supervised phase's graph: labelled examples and their one-hot classes.
private struct ClassificationStage {
    let graph: Graph
    let examples: Variable
    let targets: Variable
    let loss: Variable
}

/// The regularisation phase's graph. Stage one: each group's discriminator on
/// its prior's samples (label 1) stacked over the detached codes (label 0); the
/// sum of their losses reaches each discriminator's own weights only. Stage two,
/// after the discriminators' update: the encoder against every discriminator.
private struct AdversarialStage {
    let graph: Graph
    let examples: Variable
    let priorSamples: [Variable]
    /// Each discriminator's probabilities on its prior samples, then on the codes.
    let probabilities: [Variable]
    let groupLosses: [Variable]
    let discriminatorLoss: Variable
    /// The first node of stage two.
    let discriminatorEnd: Int
    let generatorLoss: Variable

    init(graph: Graph, model: CategoricalAdversarialAutoencoder, batchSize: Int) {
        self.graph = graph
        examples = graph.input(shape: [batchSize, model.inputFeatures])
        let codes = model.representation(examples).codes
        let targets = Tensor(shape: [2 * batchSize, 1])
        for row in 0..<batchSize { targets[row] = 1 }
        let labels = graph.constant(targets)
        var samples: [Variable] = [], probabilities: [Variable] = [], losses: [Variable] = []
        for (group, code) in zip(model.groups, codes) {
            let prior = graph.input(shape: [batchSize, group.size])
            let probability = group.discriminator(Variable.stackRows([prior, code.stoppingGradient()]))
            samples.append(prior)
            probabilities.append(probability)
            losses.append(probability.binaryCrossEntropy(labels))
        }
        priorSamples = samples
        self.probabilities = probabilities
        groupLosses = losses
        discriminatorLoss = losses.dropFirst().reduce(losses[0], +)
        discriminatorEnd = graph.nodeCount
        let ones = graph.constant(shape: [batchSize, 1], repeating: 1)
        let fooling = zip(model.groups, codes).map { group, code in group.discriminator(code).binaryCrossEntropy(ones) }
        generatorLoss = fooling.dropFirst().reduce(fooling[0], +)
    }

    /// How often discriminator `index` tells prior samples (above 0.5) from codes (at or below).
    func accuracy(of index: Int) -> Float {
        let values = probabilities[index].value
        let half = values.count / 2
        var correct = 0
        for i in 0..<half where values.data[i] > 0.5 { correct += 1 }
        for i in half..<values.count where values.data[i] <= 0.5 { correct += 1 }
        return Float(correct) / Float(max(values.count, 1))
    }
}

/// Where the model writes its step metrics: the reconstruction loss, each group's
/// discriminator loss and accuracy (`d_loss_y`, `d_acc_y`), the encoder's loss
/// against the discriminators, the labelled batch's cross-entropy and the cluster
/// heads' penalty — each only when its phase runs.
private struct MetricSlots {
    let reconstructionLoss: StepMetrics.Slot?
    let discriminatorLoss: [StepMetrics.Slot]
    let discriminatorAccuracy: [StepMetrics.Slot]
    let adversarialLoss: StepMetrics.Slot?
    let classificationLoss: StepMetrics.Slot?
    let headPenalty: StepMetrics.Slot?

    init(declaringIn metrics: inout StepMetrics.Declarations, phases: [TrainingPhase], groups: [LatentGroup]) {
        reconstructionLoss = phases.contains(.reconstruction) ? metrics.declare("recon_loss") : nil
        if phases.contains(.discriminator) {
            var losses: [StepMetrics.Slot] = [], accuracies: [StepMetrics.Slot] = []
            for group in groups {
                losses.append(metrics.declare("d_loss_\(group.name)"))
                accuracies.append(metrics.declare("d_acc_\(group.name)"))
            }
            discriminatorLoss = losses
            discriminatorAccuracy = accuracies
        } else {
            discriminatorLoss = []
            discriminatorAccuracy = []
        }
        adversarialLoss = phases.contains(.generator) ? metrics.declare("adv_loss") : nil
        classificationLoss = phases.contains(.classification) ? metrics.declare("class_loss") : nil
        headPenalty = phases.contains(.clusterHeads) ? metrics.declare("head_penalty") : nil
    }
}
