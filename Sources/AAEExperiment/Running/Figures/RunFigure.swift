import AAECore
import AAEReport
import Foundation

/// One figure of a finished run: a type that names itself and draws itself, registered
/// with one line in `RunFigures.all`. `report.plots`, `show`, the figure files a run
/// folder may hold and the TensorBoard images all follow from that list.
public protocol RunFigure {
    /// Its name in `report.plots`; its file is this name with `.png`.
    static var plotName: String { get }
    /// Whether it draws examples as images, which point data (`rows` 1, the synthetic sets) cannot give.
    static var drawsImages: Bool { get }
    /// Draws the figure into `url`; false (nothing written) when it does not apply to the model or data.
    static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool
}

extension RunFigure {
    public static var fileName: String { plotName + ".png" }
}

/// What a run's figures are drawn from.
public struct FigureInputs {
    public var model: TrainableModel
    /// The held-out examples.
    public var test: LabeledImages
    /// The pixel scale of `test` and of the decoder.
    public var scale: PixelScale
    /// The run's metrics table.
    public var metrics: CSVTable
    /// The experiment's name, which starts every figure's title.
    public var title: String
    public var options: FigureOptions
}
