/// A model whose code has a categorical group — a softmax head `q(y|x)` over
/// `categoryCount` classes or clusters — beside a continuous style group `z`:
/// the semi-supervised, clustering and dimensionality-reduction AAEs of
/// Makhzani et al. (2015, Sections 5–7).
///
/// The evaluation (classification and cluster error) and the figures that show
/// one row per class or cluster read the model through this protocol; `encode`
/// still gives the model's whole code (the groups' concatenation, or the
/// dimensionality reduction's `W_c · y + z`).
public protocol CategoricalCodeModel: TrainableModel {
    /// The number of classes or clusters of the categorical group.
    var categoryCount: Int { get }
    /// The size of the style group `z`.
    var styleDimension: Int { get }
    /// The prior of the style group, which style codes for figures are drawn from.
    var stylePrior: Prior { get }
    /// `q(y|x)` of `count` examples (inference mode), `count × categoryCount`
    /// values row-major, each row summing to 1.
    func categoryProbabilities(_ examples: UnsafePointer<Float>, count: Int) -> [Float]
    /// The decoder's outputs (inference mode) for `count` codes made of the
    /// one-hot category `categories[i]` and the style `styles[i]`
    /// (`count × styleDimension` values row-major).
    func decode(categories: UnsafePointer<Int32>, styles: UnsafePointer<Float>, count: Int) -> [Float]
}
