import AAEReport
import XCTest

final class PlotRenderingTests: XCTestCase {
    // MARK: Canvas

    func testCanvasEncodesPNGOfItsSize() {
        let png = Canvas(width: 123, height: 45).pngData()
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(pngSize(png)?.width, 123)
        XCTAssertEqual(pngSize(png)?.height, 45)
    }

    func testCanvasMeasuresWiderTextAsWider() {
        let canvas = Canvas(width: 10, height: 10)
        let style = TextStyle(size: 13)
        XCTAssertGreaterThan(canvas.textSize("reconstruction", style: style).width,
                             canvas.textSize("loss", style: style).width)
        XCTAssertGreaterThan(canvas.textSize("x", style: style).height, 10)
    }

    func testWritePNGCreatesTheFile() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("figures/blank.png")
        let canvas = Canvas(width: 20, height: 10)
        try canvas.writePNG(to: url)
        XCTAssertEqual(try Data(contentsOf: url), canvas.pngData())
    }

    // MARK: Scatter

    func testScatterPlotHasRequestedSizeAndRendersIdenticallyTwice() {
        let plot = sampleScatter(width: 640, height: 480)
        let first = plot.pngData(), second = plot.pngData()
        XCTAssertEqual(pngSize(first)?.width, 640)
        XCTAssertEqual(pngSize(first)?.height, 480)
        XCTAssertEqual(first, second)
    }

    func testScatterPlotSkipsNaNPoints() {
        let plot = ScatterPlot(xs: [0, .nan, 1, 2, .infinity], ys: [0, 1, .nan, 2, 3], labels: [0, 1, 2, 3, 4])
        XCTAssertEqual(pngSize(plot.pngData())?.width, 800)
    }

    func testScatterPlotWithAllPointsEqualOrAllNaNStillRenders() {
        let equal = ScatterPlot(xs: [1, 1, 1], ys: [1, 1, 1], labels: [0, 0, 0])
        XCTAssertNotNil(pngSize(equal.pngData()))
        let allNaN = ScatterPlot(xs: [.nan], ys: [.nan], labels: [0])
        XCTAssertNotNil(pngSize(allNaN.pngData()))
        let empty = ScatterPlot(xs: [], ys: [])
        XCTAssertNotNil(pngSize(empty.pngData()))
    }

    func testScatterPlotDependsOnItsData() {
        var moved = sampleScatter(width: 400, height: 300)
        moved.xs[0] += 1
        XCTAssertNotEqual(moved.pngData(), sampleScatter(width: 400, height: 300).pngData())
    }

    // MARK: Image grid

    func testImageGridHasRequestedSizeAndRendersIdenticallyTwice() {
        let plot = sampleImageGrid(width: 500, height: 520)
        let first = plot.pngData(), second = plot.pngData()
        XCTAssertEqual(pngSize(first)?.width, 500)
        XCTAssertEqual(pngSize(first)?.height, 520)
        XCTAssertEqual(first, second)
    }

    func testImageGridWithoutSizeFitsTheGridAtTheGivenScale() throws {
        let small = ImageGridPlot(images: [[Float](repeating: 0.5, count: 4)], imageHeight: 2, imageWidth: 2,
                                  rows: 1, columns: 1, scale: 10)
        let large = ImageGridPlot(images: [[Float](repeating: 0.5, count: 4)], imageHeight: 2, imageWidth: 2,
                                  rows: 1, columns: 1, scale: 20)
        let smallSize = try XCTUnwrap(pngSize(small.pngData()))
        let largeSize = try XCTUnwrap(pngSize(large.pngData()))
        XCTAssertEqual(largeSize.width - smallSize.width, 20)
        XCTAssertEqual(largeSize.height - smallSize.height, 20)
    }

    func testImageGridFromFlatPixelsMatchesGridFromSeparateImages() {
        let images: [[Float]] = (0..<6).map { index in (0..<12).map { Float(($0 + index) % 5) / 4 } }
        let separate = ImageGridPlot(images: images, imageHeight: 3, imageWidth: 4, rows: 2, columns: 3,
                                     rowLabels: ["original", "reconstruction"], width: 300, height: 200)
        let flat = ImageGridPlot(pixels: images.flatMap { $0 }, imageCount: 6, imageHeight: 3, imageWidth: 4,
                                 rows: 2, columns: 3, rowLabels: ["original", "reconstruction"], width: 300, height: 200)
        XCTAssertEqual(separate.pngData(), flat.pngData())
    }

    func testImageGridToleratesOutOfRangeAndNaNPixelsAndEmptyCells() {
        let plot = ImageGridPlot(images: [[-1, 2, .nan, 0.5]], imageHeight: 2, imageWidth: 2, rows: 2, columns: 2,
                                 xTickValues: [1, 1], yTickValues: [.nan, 3])
        XCTAssertNotNil(pngSize(plot.pngData()))
    }

    // MARK: Line chart

    func testLineChartHasRequestedSizeAndRendersIdenticallyTwice() {
        let plot = sampleLineChart(width: 900, height: 360)
        let first = plot.pngData(), second = plot.pngData()
        XCTAssertEqual(pngSize(first)?.width, 900)
        XCTAssertEqual(pngSize(first)?.height, 360)
        XCTAssertEqual(first, second)
    }

    func testLineChartToleratesNaNNonPositiveLogValuesAndEmptySeries() {
        let plot = LineChart(panels: [
            .init(title: "log", series: [.init(name: "a", xs: [0, 1, 2, 3], ys: [1, 0, -1, .nan]),
                                         .init(name: "empty", xs: [], ys: [])], yScale: .logarithmic),
            .init(title: "nothing", series: []),
        ])
        XCTAssertNotNil(pngSize(plot.pngData()))
    }

    func testPlotWriteProducesTheSameBytesAsPNGData() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("losses.png")
        let plot = sampleLineChart(width: 600, height: 300)
        try plot.write(to: url)
        XCTAssertEqual(try Data(contentsOf: url), plot.pngData())
    }

    // MARK: Fixtures

    private func sampleScatter(width: Int, height: Int) -> ScatterPlot {
        let count = 300
        let xs = (0..<count).map { Float(sin(Double($0) * 0.7) * Double($0 % 10)) }
        let ys = (0..<count).map { Float(cos(Double($0) * 1.3) * Double($0 % 7)) }
        let background = ScatterPlot.Background(xs: ys, ys: xs)
        return ScatterPlot(xs: xs, ys: ys, labels: (0..<count).map { $0 % 10 },
                           labelNames: (0..<10).map { "class \($0)" }, background: background,
                           title: "latent", xTitle: "z[0]", yTitle: "z[1]", width: width, height: height)
    }

    private func sampleImageGrid(width: Int, height: Int) -> ImageGridPlot {
        let side = 5
        let images: [[Float]] = (0..<(side * side)).map { index in
            (0..<(28 * 28)).map { Float(($0 + index * 3) % 28) / 27 }
        }
        let ticks = (0..<side).map { Float(-3 + 1.5 * Double($0)) }
        return ImageGridPlot(images: images, imageHeight: 28, imageWidth: 28, rows: side, columns: side,
                             title: "manifold", xTickValues: ticks, yTickValues: ticks.reversed(),
                             xTitle: "z[0]", yTitle: "z[1]", width: width, height: height)
    }

    private func sampleLineChart(width: Int, height: Int) -> LineChart {
        let steps = (0..<50).map { Double($0 * 10) }
        let falling = steps.map { exp(-$0 / 200) }
        var noisy = steps.map { 0.7 + 0.1 * sin($0) }
        noisy[10] = .nan
        return LineChart(panels: [
            .init(title: "reconstruction", series: [.init(name: "loss", xs: steps, ys: falling)], yScale: .logarithmic),
            .init(title: "regularization", series: [.init(name: "discriminator", xs: steps, ys: noisy),
                                                    .init(name: "generator", xs: steps, ys: falling)]),
        ], title: "training", width: width, height: height)
    }

    /// Width and height from the PNG's IHDR chunk (big-endian at bytes 16..<24).
    private func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png)
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        let bigEndian = { (start: Int) in bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }
}
