/// Every random stream of aae-run, by what draws from it: the one list of their numbers,
/// so that a new stream takes a number no other use has.
///
/// A run's generators are `RandomGenerator(seed: experiment.seed, stream: …)` with the
/// run-level streams; a model derives its own generators from the `model` stream's
/// generator (`seed: random.state`) with the model-level ones. Distinct numbers give
/// independent sequences, so drawing more from one (a figure, a snapshot) changes no
/// other.
public enum RandomStreams {
    // Run level: from the experiment's seed.
    /// The networks' initial weights, drawn in the builders' fixed order.
    public static let weights: UInt64 = 1
    /// The order of the training batches.
    public static let batches: UInt64 = 2
    /// The model's own generators (derived below).
    public static let model: UInt64 = 3
    /// The evaluation's draws (prior samples, Parzen samples, classifier order).
    public static let evaluation: UInt64 = 4
    /// Which training examples keep their labels under `labelled_fraction`.
    public static let labelledSubset: UInt64 = 5
    /// Which training examples form a categorical AAE's class-balanced labelled subset (`labels_per_class`).
    public static let balancedLabelledSubset: UInt64 = 6
    /// The final figures.
    public static let figures: UInt64 = 100
    /// The snapshots during training, started afresh at each.
    public static let snapshots: UInt64 = 101
    /// A t-SNE embedding's start.
    public static let tsne: UInt64 = 102
    /// The synthetic data sets.
    public static let syntheticData: UInt64 = 200
    /// A sweep's random search, from the search's own seed.
    public static let sweepSearch: UInt64 = 0x5357_4545

    // Network level: from an inference network's seed.
    /// The noise of a network run in inference mode (the universal posterior's).
    public static let inference: UInt64 = 7

    // Model level: from the `model` stream's generator.
    /// The adversarial autoencoder's prior samples.
    public static let adversarialPrior: UInt64 = 11
    /// The adversarial autoencoder's adversarial graph (dropout).
    public static let adversarialGraph: UInt64 = 12
    /// The adversarial autoencoder's reconstruction phase graph (dropout).
    public static let adversarialReconstructionGraph: UInt64 = 13
    /// The adversarial autoencoder's encoder noise (the universal posterior).
    public static let adversarialNoise: UInt64 = 14
    /// The categorical AAE's prior samples, one generator per latent group after this number.
    public static let groupPriors: UInt64 = 40
    /// The categorical AAE's graphs (dropout).
    public static let groupGraphs: UInt64 = 50
    /// The categorical AAE's labelled batches, drawn from its labelled subset.
    public static let labelledBatches: UInt64 = 60
    /// The autoencoder's encoder noise.
    public static let autoencoderNoise: UInt64 = 21
    /// The autoencoder's graph (dropout).
    public static let autoencoderGraph: UInt64 = 22
    /// The variational autoencoder's reparameterisation noise.
    public static let variationalNoise: UInt64 = 31
    /// The variational autoencoder's graph (dropout).
    public static let variationalGraph: UInt64 = 32
}
