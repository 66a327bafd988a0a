import AAEReport
import XCTest

/// Grids of small images (8 × 8 digits) stay readable: the figure keeps its minimum
/// size, and a title wider than it wraps instead of being clipped.
final class ImageGridPlotSizeTests: XCTestCase {
    private func grid(side: Int, title: String, scale: Int? = 3) -> ImageGridPlot {
        let images = (0..<20).map { index in (0..<(side * side)).map { Float(($0 + index) % 7) / 6 } }
        var plot = ImageGridPlot(images: images, imageHeight: side, imageWidth: side, rows: 2, columns: 10, title: title,
                                 rowLabels: ["original", "reconstruction"], xTitle: "class", scale: scale)
        plot.minimumGridSize = 480
        return plot
    }

    func testSmallImagesAreEnlargedToTheMinimumGridSize() {
        for scale in [3, nil] {
            let canvas = grid(side: 8, title: "small", scale: scale).render()
            XCTAssertGreaterThanOrEqual(canvas.width, 480, "scale \(String(describing: scale))")
        }
    }

    func testDigitSizedImagesKeepTheScaleTheyAskFor() {
        let plot = grid(side: 28, title: "mnist")
        var unbounded = plot
        unbounded.minimumGridSize = 0
        XCTAssertEqual(plot.render().pngData(), unbounded.render().pngData())
    }

    func testATitleWiderThanTheFigureWrapsOntoMoreLines() {
        let short = grid(side: 8, title: "digits").render()
        let title = "a_rather_long_experiment_name: held-out reconstructions of the small digits, originals above"
        let long = grid(side: 8, title: title).render()
        let measure = Canvas(width: 1, height: 1)
        XCTAssertGreaterThan(measure.textSize(title, style: TextStyle(size: 17, isBold: true)).width,
                             Double(short.width), "the title must be wider than the grid for this test")
        XCTAssertEqual(long.width, short.width)
        XCTAssertGreaterThan(long.height, short.height)
    }
}
