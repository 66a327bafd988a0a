/// How one discriminator round of an adversarial autoencoder learns prior
/// samples against codes.
public enum DiscriminatorUpdate: String, Sendable, CaseIterable {
    /// One optimizer step on prior samples (label 1) and codes (label 0)
    /// stacked into one batch of twice the batch size.
    case joint
    /// Two optimizer steps: one on prior samples alone, then one on codes alone
    /// against the updated weights — the Keras notebooks' two `train_on_batch` calls.
    case separate
    /// One optimizer step on a batch of the batch size: half of it prior samples, the
    /// other half the codes of the first half of the examples — the seed notebook of the
    /// 2-D AAE, which feeds its discriminator `half_batch` of each.
    case halves

    /// How many prior samples (and as many codes) one update of a batch of `batchSize`
    /// reads: the batch, or half of it rounded down (at least one) for `halves`.
    public func priorRows(batchSize: Int) -> Int {
        self == .halves ? max(1, batchSize / 2) : batchSize
    }
}
