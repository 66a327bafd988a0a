/// The variational autoencoder (Kingma & Welling, 2014) as the classic Keras
/// example trains it: encoder heads z_mean and z_log_var (log variance),
/// `z = μ + exp(log σ² / 2) · ε`, and the loss
/// `reconstruction summed over pixels + KL(q(z|x) ‖ N(0, I)) summed over code dimensions`,
/// averaged over the batch: the negative ELBO per example.
///
/// With `monteCarloSamples` K > 1, each input draws K codes and the
/// reconstruction term is averaged over them.
public final class VariationalAutoencoder: TrainableModel {
    public let networks: EncoderDecoder
    public let optimizer: Optimizer
    public let monteCarloSamples: Int
    public let stepMetricNames = ["loss", "recon_loss", "kl"]
    private let standardNormal: NormalPrior
    private var noiseRandom: RandomGenerator
    private let graph: Graph
    private let examples: Variable
    private let labels: Variable?
    private let epsilon: Variable
    private let reconstructionLoss: Variable
    private let divergence: Variable
    private let loss: Variable

    public init(networks: EncoderDecoder, reconstruction: ReconstructionLoss, monteCarloSamples: Int,
                batchSize: Int, makeOptimizer: ([Parameter]) -> Optimizer, random: RandomGenerator) {
        precondition(networks.encoder.posterior == .gaussian, "a VAE needs a Gaussian posterior")
        self.networks = networks
        self.monteCarloSamples = monteCarloSamples
        optimizer = makeOptimizer(networks.parameters)
        standardNormal = NormalPrior(dimension: networks.encoder.latentDimension)
        noiseRandom = RandomGenerator(seed: random.state, stream: 31)
        graph = Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: 32))
        examples = graph.input(shape: [batchSize, networks.encoder.inputFeatures])
        let encoded = networks.encoder(examples, sampling: false)
        guard let mean = encoded.mean, let logVariance = encoded.logVariance else {
            preconditionFailure("a Gaussian posterior has mean and log-variance heads")
        }
        let samples = monteCarloSamples
        epsilon = graph.input(shape: [batchSize * samples, mean.features])
        let code = logVariance.repeatingRows(samples).affine(scale: 0.5).exp() * epsilon + mean.repeatingRows(samples)
        labels = networks.labelInput(in: graph, rows: batchSize)
        let decoded = networks.decode(code, labels: labels?.repeatingRows(samples))
        reconstructionLoss = reconstruction.loss(decoded, target: examples.repeatingRows(samples), reduction: .sumPerRow)
        let klTerms = logVariance + 1 - mean.squared() - logVariance.exp()
        divergence = klTerms.sum() * (-0.5 / Float(batchSize))
        loss = reconstructionLoss + divergence
    }

    public var inputFeatures: Int { networks.encoder.inputFeatures }
    public var latentDimension: Int { networks.encoder.latentDimension }
    public var prior: Prior? { standardNormal }
    public var decoderLabelCount: Int { networks.decoderLabelCount }
    public var allParameters: [Parameter] { networks.parameters }

    public func trainStep(batch: UnsafePointer<Float>, labels batchLabels: UnsafePointer<Int32>, metrics: inout [Float]) {
        examples.value.data.update(from: batch, count: examples.value.count)
        if let labels { OneHot.fill(labels.value.data, labels: batchLabels, rows: labels.rows, classes: labels.features) }
        noiseRandom.fillNormal(epsilon.value.data, count: epsilon.value.count)
        graph.forward()
        graph.backward(from: loss)
        optimizer.step()
        metrics[0] = loss.value.scalar
        metrics[1] = reconstructionLoss.value.scalar
        metrics[2] = divergence.value.scalar
    }

    public func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        networks.encode(examples, count: count)
    }

    public func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        networks.decode(codes, labels: labels, count: count)
    }
}
