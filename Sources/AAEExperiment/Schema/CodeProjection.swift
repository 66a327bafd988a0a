/// How the latent scatter draws codes wider than 2 on a plane: `report.projection`.
public enum CodeProjection: String, Sendable, Equatable, CaseIterable {
    /// The first two principal components of the held-out codes; prior samples are
    /// projected onto the same plane.
    case pca
    /// An exact t-SNE embedding of the held-out codes (van der Maaten & Hinton, 2008):
    /// neighbourhoods are kept, distances and the prior are not.
    case tsne
}
