import Foundation

/// The variational autoencoder (Kingma & Welling, 2014) as the classic Keras
/// example trains it: encoder heads z_mean and z_log_var (log variance),
/// `z = μ + exp(log σ² / 2) · ε`, and the loss
/// `reconstruction summed over pixels + KL(q(z|x) ‖ N(0, I)) summed over code dimensions`,
/// averaged over the batch: the negative ELBO per example.
///
/// With `monteCarloSamples` K > 1, each input draws K codes and the
/// reconstruction term is averaged over them.
public final class VariationalAutoencoder: EncoderDecoderModel {
    public let networks: EncoderDecoder
    /// Updates encoder and decoder in the reconstruction phase.
    public let optimizer: PhaseOptimizer
    public let phaseOptimizers: [PhaseOptimizer]
    public let monteCarloSamples: Int
    public let stepMetrics: StepMetrics
    private let lossMetric: StepMetrics.Slot
    private let reconstructionMetric: StepMetrics.Slot
    private let divergenceMetric: StepMetrics.Slot
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
                batchSize: Int, optimizers: PhaseOptimizerMaker, random: RandomGenerator) {
        precondition(networks.encoder.posterior == .gaussian, "a VAE needs a Gaussian posterior")
        self.networks = networks
        self.monteCarloSamples = monteCarloSamples
        optimizer = optimizers(.reconstruction, networks.parameters)
        phaseOptimizers = [optimizer]
        standardNormal = NormalPrior(dimension: networks.encoder.latentDimension)
        noiseRandom = RandomGenerator(seed: random.state, stream: RandomStreams.variationalNoise)
        graph = Graph(isTraining: true, random: RandomGenerator(seed: random.state, stream: RandomStreams.variationalGraph))
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
        var metrics = StepMetrics.Declarations()
        lossMetric = metrics.declare("loss")
        reconstructionMetric = metrics.declare("recon_loss")
        divergenceMetric = metrics.declare("kl")
        stepMetrics = StepMetrics(metrics)
    }

    public var prior: Prior? { standardNormal }
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
        noiseRandom.fillNormal(epsilon.value.data, count: epsilon.value.count)
        graph.forward()
        graph.backward(from: loss)
        optimizer.step()
        stepMetrics[lossMetric] = loss.value.scalar
        stepMetrics[reconstructionMetric] = reconstructionLoss.value.scalar
        stepMetrics[divergenceMetric] = divergence.value.scalar
    }

    /// The posterior's mean and log-variance for `count` examples, each row `[μ | log σ²]`.
    private lazy var posteriorParameters = InferenceNetwork(inputFeatures: networks.encoder.inputFeatures) {
        [unowned self] x in
        let encoded = networks.encoder(x, sampling: false)
        guard let mean = encoded.mean, let logVariance = encoded.logVariance else {
            preconditionFailure("a VAE has a Gaussian posterior")
        }
        return InferenceNetwork.Built(output: Variable.concatenate([mean, logVariance]))
    }

    /// The negative evidence lower bound per example, in nats, for `count`
    /// examples with pixels in [0, 1] under the Bernoulli decoder: with
    /// `importanceSamples` K = 1 the ELBO (reconstruction + analytic KL); with
    /// K > 1 the importance-weighted bound of Burda et al. (2016),
    /// `−log (1/K) Σₖ p(x|zₖ) p(zₖ) / q(zₖ|x)`, which is tighter. A decoder that
    /// reads labels decodes each example with its own `labels` entry.
    public func negativeBound(_ examples: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int,
                              importanceSamples: Int, random: inout RandomGenerator) -> [Double] {
        let latent = networks.encoder.latentDimension, features = networks.encoder.inputFeatures
        let parameters = posteriorParameters(examples, count: count)
        let samples = max(importanceSamples, 1)
        var logWeights = [[Double]](repeating: [], count: count)
        var divergence = [Double](repeating: 0, count: count)
        var codes = [Float](repeating: 0, count: count * latent)
        let logTwoPi = Foundation.log(2 * Double.pi)
        for _ in 0..<samples {
            var logPriorOverPosterior = [Double](repeating: 0, count: count)
            for row in 0..<count {
                var kl: Double = 0
                for j in 0..<latent {
                    let mean = Double(parameters[row * 2 * latent + j])
                    let logVariance = Double(parameters[row * 2 * latent + latent + j])
                    let epsilon = random.nextNormal()
                    let z = mean + Foundation.exp(logVariance / 2) * epsilon
                    codes[row * latent + j] = Float(z)
                    logPriorOverPosterior[row] += -0.5 * (z * z + logTwoPi) + 0.5 * (epsilon * epsilon + logTwoPi + logVariance)
                    kl += -0.5 * (1 + logVariance - mean * mean - Foundation.exp(logVariance))
                }
                divergence[row] = kl
            }
            let decoded = codes.withUnsafeBufferPointer { networks.decode($0.baseAddress!, labels: labels, count: count) }
            for row in 0..<count {
                var logLikelihood: Double = 0
                for i in 0..<features {
                    let x = Double(examples[row * features + i])
                    let p = min(max(Double(decoded[row * features + i]), 1e-7), 1 - 1e-7)
                    logLikelihood += x * Foundation.log(p) + (1 - x) * Foundation.log(1 - p)
                }
                logWeights[row].append(samples == 1 ? logLikelihood - divergence[row]
                                                    : logLikelihood + logPriorOverPosterior[row])
            }
        }
        return logWeights.map { weights in
            let largest = weights.max() ?? 0
            let total = weights.reduce(0) { $0 + Foundation.exp($1 - largest) }
            return -(largest + Foundation.log(total / Double(weights.count)))
        }
    }
}
