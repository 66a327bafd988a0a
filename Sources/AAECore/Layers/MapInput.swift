/// The shape checks the layers that read feature maps share, with their messages
/// (phrases that follow the layer's short form, see `LayerFootprint.problem`).
enum MapInput {
    /// The problem of a map layer given a vector.
    static func vectorProblem(_ input: FeatureShape) -> String {
        "reads a feature map but gets \(input.phrase); add `reshape [h, w, c]` before it"
    }

    /// The problem of a window that fits nowhere on a valid-padded map.
    static func windowProblem(_ input: FeatureShape, window: (height: Int, width: Int)) -> String {
        "needs a map of at least \(window.height)×\(window.width) with `valid` padding but gets \(input.phrase); "
            + "use `same` padding or a smaller window"
    }

    /// The geometry of `window` moved by `stride` over the map `input`, or the problem.
    static func geometry(_ input: FeatureShape, window: (height: Int, width: Int), stride: (height: Int, width: Int),
                         padding: Padding) -> Result<ConvolutionGeometry, Problem> {
        guard input.isMap else { return .failure(Problem(text: vectorProblem(input))) }
        guard let geometry = ConvolutionGeometry(height: input.height, width: input.width, channels: input.channels,
                                                 kernel: window, stride: stride, padding: padding) else {
            return .failure(Problem(text: windowProblem(input, window: window)))
        }
        return .success(geometry)
    }

    /// A shape problem as an error value.
    struct Problem: Error {
        let text: String
    }
}
