/// How an adversarial autoencoder's training step is divided into phases.
public enum AdversarialSchedule: String, Sendable, CaseIterable {
    /// The Keras seed notebook's step: the discriminator learns, then encoder and
    /// decoder learn `w_r · reconstruction + w_a · fooling the discriminator` in one update.
    case combined
    /// The paper's step: a reconstruction phase (encoder and decoder), then a
    /// regularisation phase — the discriminator learns, then the encoder alone
    /// learns to fool it.
    case phased
}
