/// How an encoder turns an input into a code (the AAE paper's three choices of q(z|x)).
public enum Posterior: Sendable, Equatable {
    /// `z = f(x)`: the code is a deterministic function of the input.
    case deterministic
    /// `z ~ N(μ(x), σ²(x))`, sampled with the reparameterisation trick
    /// `z = μ + exp(log σ² / 2) · ε`, as in the VAE.
    case gaussian
    /// `z = f(x, η)` with noise `η ~ N(0, std²)` of `noiseDimension` values fed to
    /// the encoder beside the input: the universal approximator posterior.
    case universal(noiseDimension: Int, noiseStd: Float)
}
