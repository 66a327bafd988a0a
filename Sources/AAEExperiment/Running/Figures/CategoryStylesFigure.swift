import AAECore
import AAEReport
import Foundation

/// `category_styles.png`, for a model with a categorical code group: the style grid. Ten
/// style codes `z` drawn from the style prior, each held fixed down its column while the
/// one-hot `y` runs over every class or cluster, so that `y` is seen to carry the content
/// (the digit) and `z` the style (slant, width, stroke) — the paper's Figure 8. Clusters are
/// ordered and named by their majority held-out label (see `CategoryAssignment`).
public enum CategoryStylesFigure {
    /// Writes the figure to `url` with style codes drawn from `random`; nothing (returning
    /// false, drawing no random number) when the model has no categorical code.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             random: inout RandomGenerator, to url: URL) throws -> Bool {
        guard let model = model as? CategoricalCodeModel, model.categoryCount > 0,
              model.stylePrior.dimension == model.styleDimension else { return false }
        let assignment = CategoryAssignment(model: model, test: test)
        let columnStyles = model.stylePrior.samples(rows: CategoryImageGrid.columns, random: &random)
        let styles = (0..<model.categoryCount).flatMap { _ in columnStyles }
        try CategoryImageGrid.write(model: model, assignment: assignment, styles: styles, test: test, scale: scale,
                                    title: RunFigures.heading(title, "style grid"),
                                    xTitle: "style z (a prior sample, fixed down each column)", to: url)
        return true
    }
}

extension CategoryStylesFigure: RunFigure {
    public static let plotName = "category_styles"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title,
                  random: &random, to: url)
    }
}
