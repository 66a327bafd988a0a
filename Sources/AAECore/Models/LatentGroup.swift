/// One named part of a code made of groups (Makhzani et al., 2015, Sections 5–7):
/// its block of the encoder's output, the activation that block goes through, the
/// prior its codes are matched to and the discriminator that matches them.
///
/// The semi-supervised and clustering AAEs have a categorical group `y` (softmax,
/// categorical prior: one-hot samples) and a style group `z` (linear, Gaussian prior).
public struct LatentGroup {
    /// The group's name in the experiment file (`y`, `z`), which names its step metrics.
    public let name: String
    /// The number of values of the group's code.
    public let size: Int
    /// Applied to the group's block of the encoder's output; nil leaves it linear.
    public let activation: Layer?
    public let prior: Prior
    /// Reads a code of the group (`size` values) and outputs the probability that it is a prior sample.
    public let discriminator: Network

    public init(name: String, size: Int, activation: Layer?, prior: Prior, discriminator: Network) {
        precondition(prior.dimension == size, "group \(name)'s prior must have its size")
        precondition(discriminator.inputFeatures == size && discriminator.outputFeatures == 1,
                     "group \(name)'s discriminator must read its code and output one probability")
        precondition(activation.map { $0.outputFeatures == size } ?? true, "group \(name)'s activation keeps its size")
        self.name = name
        self.size = size
        self.activation = activation
        self.prior = prior
        self.discriminator = discriminator
    }

    /// Whether this is a categorical group: a softmax head `q(y|x)` matched to one-hot samples.
    public var isCategorical: Bool { activation is Softmax && prior is CategoricalPrior }

    /// The group's code from its block of the encoder's output.
    func code(_ block: Variable) -> Variable { activation.map { $0(block) } ?? block }
}
