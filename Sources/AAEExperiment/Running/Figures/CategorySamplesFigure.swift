import AAECore
import AAEReport
import Foundation

/// `category_samples.png`, for a model with a categorical code group: one row of decoder
/// samples per class or cluster, each cell the row's one-hot `y` with a style `z` of its
/// own drawn from the style prior (the paper's Figures 8 and 9), so a row shows what its
/// category has learnt to mean across styles. Clusters are ordered and named by their
/// majority held-out label (see `CategoryAssignment`).
public enum CategorySamplesFigure {
    /// Writes the figure to `url` with style codes drawn from `random`; nothing (returning
    /// false, drawing no random number) when the model has no categorical code.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             random: inout RandomGenerator, to url: URL) throws -> Bool {
        guard let model = model as? CategoricalCodeModel, model.categoryCount > 0,
              model.stylePrior.dimension == model.styleDimension else { return false }
        let assignment = CategoryAssignment(model: model, test: test)
        let styles = model.stylePrior.samples(rows: model.categoryCount * CategoryImageGrid.columns, random: &random)
        try CategoryImageGrid.write(model: model, assignment: assignment, styles: styles, test: test, scale: scale,
                                    title: RunFigures.heading(title, "decoder samples per \(assignment.axisTitle)"),
                                    xTitle: "style z (a prior sample per image)", to: url)
        return true
    }
}

extension CategorySamplesFigure: RunFigure {
    public static let plotName = "category_samples"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title,
                  random: &random, to: url)
    }
}
