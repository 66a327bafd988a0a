/// A penalty that keeps an autoencoder's code sparse.
public enum SparsityPenalty: Sendable, Equatable {
    case none
    /// `λ · mean over the batch of Σⱼ |zⱼ|`: an L1 activity regulariser on the code.
    case l1(lambda: Float)
    /// `β · Σⱼ KL(ρ ‖ ρ̂ⱼ)` with ρ̂ⱼ the mean activation of code unit j over the
    /// batch; the code should lie in (0, 1), e.g. after a sigmoid.
    case kl(target: Float, weight: Float)
}
