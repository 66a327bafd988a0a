/// The plain autoencoder (reconstruction only) and the sparse autoencoder
/// (reconstruction plus an L1 or KL sparsity penalty on the code).
public final class Autoencoder: EncoderDecoderModel {
    public let networks: EncoderDecoder
    public let sparsity: SparsityPenalty
    public let optimizer: Optimizer
    public let stepMetricNames: [String]
    private var noiseRandom: RandomGenerator
    private let graph: Graph
    private let examples: Variable
    private let labels: Variable?
    private let encoded: EncodedCode
    private let reconstructionLoss: Variable
    private let sparsityLoss: Variable?
    private let loss: Variable

    public init(networks: EncoderDecoder, reconstruction: ReconstructionLoss, sparsity: SparsityPenalty,
                batchSize: Int, makeOptimizer: ([Parameter]) -> Optimizer, random: RandomGenerator) {
        self.networks = networks
        self.sparsity = sparsity
        optimizer = makeOptimizer(networks.parameters)
        noiseRandom = RandomGenerator(seed: random.state, stream: 21)
        graph = Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: 22))
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
        stepMetricNames = sparsity == .none ? ["loss", "recon_loss"]
            : ["loss", "recon_loss", "sparsity_loss", "mean_activation"]
    }

    public var prior: Prior? { nil }
    public var allParameters: [Parameter] { networks.parameters }
    public var phaseOptimizers: [(phase: String, optimizer: Optimizer)] { [("reconstruction", optimizer)] }

    public var checkpointState: ModelState {
        ModelState(networks: networks, optimizer: optimizer, noise: noiseRandom, graph: graph)
    }

    public func restore(_ state: ModelState) throws(CheckpointError) {
        noiseRandom = try state.restore(networks: networks, optimizer: optimizer, graph: graph)
    }

    public func trainStep(batch: UnsafePointer<Float>, labels batchLabels: UnsafePointer<Int32>, metrics: inout [Float]) {
        examples.value.data.update(from: batch, count: examples.value.count)
        if let labels { OneHot.fill(labels.value.data, labels: batchLabels, rows: labels.rows, classes: labels.features) }
        encoded.refillNoise(&noiseRandom)
        graph.forward()
        graph.backward(from: loss)
        optimizer.step()
        metrics[0] = loss.value.scalar
        metrics[1] = reconstructionLoss.value.scalar
        if let sparsityLoss {
            metrics[2] = sparsityLoss.value.scalar
            let code = encoded.code.value
            var total: Float = 0
            for i in 0..<code.count { total += code.data[i] }
            metrics[3] = total / Float(code.count)
        }
    }
}
