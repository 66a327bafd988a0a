/// The encoder of every model: a trunk network plus, for a Gaussian posterior,
/// the two heads μ(x) and log σ²(x).
///
/// Calling it adds the code's computation to a graph and returns the code
/// together with the noise inputs that must be refilled before each forward pass.
public final class CodeEncoder {
    public let trunk: Sequential
    public let posterior: Posterior
    /// The μ head of a Gaussian posterior.
    public let meanHead: Dense?
    /// The log-variance head of a Gaussian posterior.
    public let logVarianceHead: Dense?
    /// The number of features of an input example (without posterior noise).
    public let inputFeatures: Int
    public let latentDimension: Int

    /// `trunk` reads `inputFeatures` values (plus the noise of a universal
    /// posterior) and, for a deterministic or universal posterior, ends in the code.
    public init(trunk: Sequential, posterior: Posterior, inputFeatures: Int, latentDimension: Int,
                random: inout RandomGenerator) {
        self.trunk = trunk
        self.posterior = posterior
        self.inputFeatures = inputFeatures
        self.latentDimension = latentDimension
        if posterior == .gaussian {
            meanHead = Dense(inputFeatures: trunk.outputFeatures, units: latentDimension, random: &random)
            logVarianceHead = Dense(inputFeatures: trunk.outputFeatures, units: latentDimension, random: &random)
            meanHead?.kernel.name = "encoder.z_mean.kernel"
            meanHead?.bias?.name = "encoder.z_mean.bias"
            logVarianceHead?.kernel.name = "encoder.z_log_var.kernel"
            logVarianceHead?.bias?.name = "encoder.z_log_var.bias"
        } else {
            meanHead = nil
            logVarianceHead = nil
        }
    }

    public var parameters: [Parameter] {
        trunk.parameters + (meanHead?.parameters ?? []) + (logVarianceHead?.parameters ?? [])
    }

    /// The features the trunk reads: the input, plus a universal posterior's noise.
    public static func trunkInputFeatures(inputFeatures: Int, posterior: Posterior) -> Int {
        if case .universal(let noise, _) = posterior { return inputFeatures + noise }
        return inputFeatures
    }

    /// Adds the encoder on `input` to its graph. With `sampling` false a
    /// Gaussian posterior returns its mean (inference); a universal posterior
    /// always draws its noise.
    public func callAsFunction(_ input: Variable, sampling: Bool = true) -> EncodedCode {
        let graph = input.graph
        var noise: [NoiseInput] = []
        var trunkInput = input
        if case .universal(let dimension, let std) = posterior {
            let eta = graph.input(shape: [input.rows, dimension])
            noise.append(NoiseInput(variable: eta, std: std))
            trunkInput = Variable.concatenate([input, eta])
        }
        let features = trunk(trunkInput)
        guard let meanHead, let logVarianceHead else {
            return EncodedCode(code: features, mean: nil, logVariance: nil, noise: noise)
        }
        let mean = meanHead(features)
        let logVariance = logVarianceHead(features)
        guard sampling else { return EncodedCode(code: mean, mean: mean, logVariance: logVariance, noise: noise) }
        let epsilon = graph.input(shape: mean.shape)
        noise.append(NoiseInput(variable: epsilon, std: 1))
        let code = logVariance.affine(scale: 0.5).exp() * epsilon + mean
        return EncodedCode(code: code, mean: mean, logVariance: logVariance, noise: noise)
    }
}

/// A graph input that is refilled with fresh normal noise before every forward pass.
public struct NoiseInput {
    public let variable: Variable
    public let std: Float

    public func refill(_ random: inout RandomGenerator) {
        random.fillNormal(variable.value.data, count: variable.value.count, std: std)
    }
}

/// The code an encoder computes in a graph, with the posterior's parameters.
public struct EncodedCode {
    public let code: Variable
    public let mean: Variable?
    public let logVariance: Variable?
    public let noise: [NoiseInput]

    public func refillNoise(_ random: inout RandomGenerator) {
        for input in noise { input.refill(&random) }
    }
}
