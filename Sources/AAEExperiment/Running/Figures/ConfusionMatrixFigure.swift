import AAECore
import AAEReport
import Foundation

/// `confusion_matrix.png`, for a model with a categorical code group: how many held-out
/// images of each label `argmax q(y|x)` puts in each class or cluster. One row per
/// category (clusters ordered and named by their majority held-out label, see
/// `CategoryAssignment`), one column per true label; each cell holds its count and is
/// shaded by its share of the row, so a clean class or cluster is one bright cell. For
/// classes the title gives the held-out error of the argmax, the share off the diagonal.
public enum ConfusionMatrixFigure {
    /// Writes the figure to `url`; nothing (returning false) when the model has no
    /// categorical code or there are no held-out images.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, title: String, to url: URL) throws -> Bool {
        guard let model = model as? CategoricalCodeModel, model.categoryCount > 0, test.count > 0 else { return false }
        let assignment = CategoryAssignment(model: model, test: test)
        try plot(assignment, classNames: test.classNames, title: title).write(to: url)
        return true
    }

    /// The heat map of `assignment`.
    public static func plot(_ assignment: CategoryAssignment, classNames: ClassNames, title: String) -> HeatMapPlot {
        let labels = assignment.labelCount
        var shades: [Double] = [], texts: [String] = []
        for category in assignment.order {
            let total = assignment.total(of: category)
            for label in 0..<labels {
                let count = assignment.counts[category * labels + label]
                shades.append(total == 0 ? .nan : Double(count) / Double(total))
                texts.append(String(count))
            }
        }
        let images = assignment.counts.reduce(0, +)
        var subject = "argmax q(y|x) against the true label, \(images) held-out images"
        if assignment.areClasses, images > 0 {
            let correct = (0..<labels).reduce(0) { $0 + assignment.counts[$1 * labels + $1] }
            let error = 100 * Double(images - correct) / Double(images)
            subject += String(format: " (error %.2f%%)", locale: Locale(identifier: "en_US_POSIX"), error)
        }
        return HeatMapPlot(rows: assignment.order.count, columns: labels, shades: shades, cellTexts: texts,
                           rowLabels: assignment.order.map { assignment.names[$0] },
                           columnLabels: (0..<labels).map(String.init),
                           title: RunFigures.heading(title, subject), xTitle: "true \(classNames.axisTitle) label",
                           yTitle: assignment.areClasses ? "predicted class" : "cluster (by majority held-out label)",
                           shadeTitle: "share of the row")
    }
}

extension ConfusionMatrixFigure: RunFigure {
    public static let plotName = "confusion_matrix"
    public static let drawsImages = false

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, title: inputs.title, to: url)
    }
}
