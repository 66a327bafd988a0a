/// A part of a training step that one optimizer serves, under the name an
/// experiment file gives that optimizer's setting (`optimizer.discriminator: {…}`).
///
/// A model declares the phases it trains by binding one `PhaseOptimizer` to
/// each (`TrainableModel.phaseOptimizers`). Adding a phase is one `static let`
/// here plus its entry in `allCases`.
public struct TrainingPhase: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The phase's key in an experiment file's `optimizer` section.
    public let name: String

    private init(name: String) {
        self.name = name
    }

    /// Encoder and decoder learning to reconstruct (the autoencoders, the VAE, the phased AAE's first phase).
    public static let reconstruction = TrainingPhase(name: "reconstruction")
    /// The adversarial autoencoder's discriminator learning prior samples against codes.
    public static let discriminator = TrainingPhase(name: "discriminator")
    /// The adversarial autoencoder's encoder learning to fool the discriminator (with the
    /// decoder and the weighted reconstruction in the combined schedule).
    public static let generator = TrainingPhase(name: "generator")
    /// The semi-supervised AAE's encoder learning `q(y|x)` by cross-entropy on a labelled batch
    /// (the paper's semi-supervised classification phase), or the supervised baseline's only phase.
    public static let classification = TrainingPhase(name: "classification")
    /// The dimensionality-reduction AAE's cluster heads moving apart where two are closer than η.
    public static let clusterHeads = TrainingPhase(name: "cluster_heads")

    /// Every phase, in the order an experiment file's per-phase optimizer settings are read and written.
    public static let allCases: [TrainingPhase] = [.reconstruction, .discriminator, .generator, .classification, .clusterHeads]

    public var description: String { name }
}
