/// The plain autoencoder (reconstruction only) and the sparse autoencoder
/// (reconstruction plus an L1 or KL sparsity penalty on the code).
public final class Autoencoder: EncoderDecoderModel {
    public let networks: EncoderDecoder
    public let sparsity: SparsityPenalty
    /// Updates encoder and decoder in the reconstruction phase.
    public let optimizer: PhaseOptimizer
    public let phaseOptimizers: [PhaseOptimizer]
    public let stepMetrics: StepMetrics
    private let lossMetric: StepMetrics.Slot
    private let reconstructionMetric: StepMetrics.Slot
    /// The sparsity penalty and the code's mean activation, when the model has a penalty.
    private let sparsityMetrics: (penalty: StepMetrics.Slot, meanActivation: StepMetrics.Slot)?
    private var noiseRandom: RandomGenerator
    private let graph: Graph
    private let examples: Variable
    private let labels: Variable?
    private let encoded: EncodedCode
    private let reconstructionLoss: Variable
    private let sparsityLoss: Variable?
    private let loss: Variable

    public init(networks: EncoderDecoder, reconstruction: ReconstructionLoss, sparsity: SparsityPenalty,
                batchSize: Int, optimizers: PhaseOptimizerMaker, random: RandomGenerator) {
        self.networks = networks
        self.sparsity = sparsity
        optimizer = optimizers(.reconstruction, networks.parameters)
        phaseOptimizers = [optimizer]
        noiseRandom = RandomGenerator(seed: random.state, stream: RandomStreams.autoencoderNoise)
        graph = Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: RandomStreams.autoencoderGraph))
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        labels = networks.labelInput(in: graph, rows: batchSize)
        encoded = networks.encoder(examples)
        let reconstructionTerm = reconstruction.loss(networks.decode(encoded.code, labels: labels), target: examples)
        let sparsityTerm: Variable?
        switch sparsity {
        case .none:
            sparsityTerm = nil
        case .l1(let lambda):
            sparsityTerm = encoded.code.abs().sum() * (lambda / Float(batchSize))
        case .kl(let target, let weight):
            sparsityTerm = encoded.code.mean(along: .rows).sparsityDivergence(target: target) * weight
        }
        reconstructionLoss = reconstructionTerm
        sparsityLoss = sparsityTerm
        loss = sparsityTerm.map { reconstructionTerm + $0 } ?? reconstructionTerm
        var metrics = StepMetrics.Declarations()
        lossMetric = metrics.declare("loss")
        reconstructionMetric = metrics.declare("recon_loss")
        sparsityMetrics = sparsity == .none ? nil : (metrics.declare("sparsity_loss"), metrics.declare("mean_activation"))
        stepMetrics = StepMetrics(metrics)
    }

    public var prior: Prior? { nil }
    public var allParameters: [Parameter] { networks.parameters }

    public var checkpointState: ModelState {
        ModelState(networks: networks, optimizer: optimizer.optimizer, noise: noiseRandom, graph: graph)
    }

    public func restore(_ state: ModelState) throws(CheckpointError) {
        noiseRandom = try state.restore(networks: networks, optimizer: optimizer.optimizer, graph: graph)
    }

    public func trainStep(batch: UnsafePointer<Float>, labels batchLabels: UnsafePointer<Int32>) {
        examples.value.data.update(from: batch, count: examples.value.count)
        if let labels { OneHot.fill(labels.value.data, labels: batchLabels, rows: labels.rows, classes: labels.features) }
        encoded.refillNoise(&noiseRandom)
        graph.forward()
        graph.backward(from: loss)
        optimizer.step()
        stepMetrics[lossMetric] = loss.value.scalar
        stepMetrics[reconstructionMetric] = reconstructionLoss.value.scalar
        if let sparsityLoss, let sparsityMetrics {
            stepMetrics[sparsityMetrics.penalty] = sparsityLoss.value.scalar
            let code = encoded.code.value
            var total: Float = 0
            for i in 0..<code.count { total += code.data[i] }
            stepMetrics[sparsityMetrics.meanActivation] = total / Float(code.count)
        }
    }
}
