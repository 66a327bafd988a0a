import AAECore
import AAEReport
import Foundation

/// The image grid of `category_samples.png` and `category_styles.png`: the decoder's
/// images of a `CategoricalCodeModel`, one row per class or cluster (in
/// `CategoryAssignment`'s order, each row named), one column per style code.
enum CategoryImageGrid {
    /// Style codes per row.
    static let columns = 10

    /// Decodes row `r`, column `c` from category `assignment.order[r]` and the style code
    /// `styles[r * columns + c]` (each `model.styleDimension` values) and writes the grid to `url`.
    static func write(model: CategoricalCodeModel, assignment: CategoryAssignment, styles: [Float],
                      test: LabeledImages, scale: PixelScale, title: String, xTitle: String, to url: URL) throws {
        let rows = assignment.order.count
        precondition(styles.count == rows * columns * model.styleDimension, "need one style code per cell")
        let categories = assignment.order.flatMap { category in [Int32](repeating: Int32(category), count: columns) }
        let outputs = categories.withUnsafeBufferPointer { categories in
            styles.withUnsafeBufferPointer { styles in
                model.decode(categories: categories.baseAddress!, styles: styles.baseAddress!, count: rows * columns)
            }
        }
        var plot = ImageGridPlot(pixels: outputs.map(scale.unitInterval), imageCount: rows * columns,
                                 imageHeight: test.rows, imageWidth: test.cols, rows: rows, columns: columns,
                                 title: title, rowLabels: assignment.order.map { assignment.names[$0] }, xTitle: xTitle,
                                 yTitle: assignment.areClasses ? "class y" : "cluster y (by majority held-out label)",
                                 scale: rows > 16 ? 1 : 2)
        plot.minimumGridSize = RunFigures.minimumGridSize
        try plot.write(to: url)
    }
}
