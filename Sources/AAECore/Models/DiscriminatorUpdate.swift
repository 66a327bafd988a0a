/// How one discriminator round of an adversarial autoencoder learns prior
/// samples against codes.
public enum DiscriminatorUpdate: String, Sendable, CaseIterable {
    /// One optimizer step on prior samples (label 1) and codes (label 0)
    /// stacked into one batch of twice the batch size.
    case joint
    /// Two optimizer steps: one on prior samples alone, then one on codes alone
    /// against the updated weights — the Keras notebooks' two `train_on_batch` calls.
    case separate
}
