/// The encoder of every model: a trunk network plus, for a Gaussian posterior,
/// the two heads μ(x) and log σ²(x) — added here, or computed by the trunk
/// itself when it is a graph network whose two outputs are the heads.
///
/// Calling it adds the code's computation to a graph and returns the code
/// together with the noise inputs that must be refilled before each forward pass.
public final class CodeEncoder {
    public let trunk: Network
    public let posterior: Posterior
    /// The μ head of a Gaussian posterior.
    public let meanHead: Dense?
    /// The log-variance head of a Gaussian posterior.
    public let logVarianceHead: Dense?
    /// The trunk of a Gaussian posterior that outputs μ(x) and log σ²(x) itself.
    private let headedTrunk: GraphNetwork?
    /// The number of features of an input example (without posterior noise).
    public let inputFeatures: Int
    public let latentDimension: Int

    /// `trunk` reads `inputFeatures` values (plus the noise of a universal
    /// posterior) and, for a deterministic or universal posterior, ends in the code.
    public init(trunk: Network, posterior: Posterior, inputFeatures: Int, latentDimension: Int,
                random: inout RandomGenerator) {
        self.trunk = trunk
        headedTrunk = nil
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

    /// A Gaussian posterior whose network computes the heads itself: its two
    /// outputs, in order, are μ(x) and log σ²(x), each of `latentDimension`
    /// features. No heads are added, so the user's graph is the whole encoder.
    public init(gaussianHeads network: GraphNetwork, inputFeatures: Int, latentDimension: Int) {
        precondition(network.inputFeatures == inputFeatures, "the encoder must read an example")
        precondition(network.outputNames.count == 2
                         && network.outputNames.allSatisfy { network.outputFeatures(of: $0) == latentDimension },
                     "a Gaussian encoder's network must output z_mean and z_log_var of the code size")
        trunk = network
        headedTrunk = network
        posterior = .gaussian
        meanHead = nil
        logVarianceHead = nil
        self.inputFeatures = inputFeatures
        self.latentDimension = latentDimension
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
        guard case let (mean, logVariance)? = gaussianParameters(trunkInput) else {
            return EncodedCode(code: trunk(trunkInput), mean: nil, logVariance: nil, noise: noise)
        }
        guard sampling else { return EncodedCode(code: mean, mean: mean, logVariance: logVariance, noise: noise) }
        let epsilon = graph.input(shape: mean.shape)
        noise.append(NoiseInput(variable: epsilon, std: 1))
        let code = logVariance.affine(scale: 0.5).exp() * epsilon + mean
        return EncodedCode(code: code, mean: mean, logVariance: logVariance, noise: noise)
    }

    /// μ(x) and log σ²(x) of a Gaussian posterior, from the heads on the
    /// trunk's features or from a trunk that outputs them; nil otherwise.
    private func gaussianParameters(_ trunkInput: Variable) -> (mean: Variable, logVariance: Variable)? {
        if let headedTrunk {
            let outputs = headedTrunk.outputs(trunkInput)
            return (outputs[0], outputs[1])
        }
        guard let meanHead, let logVarianceHead else { return nil }
        let features = trunk(trunkInput)
        return (meanHead(features), logVarianceHead(features))
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
