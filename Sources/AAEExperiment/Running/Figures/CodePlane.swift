import AAECore

/// The 2-D view of codes that the latent figures draw: the code itself when it has one
/// or two values, otherwise its first two principal components.
///
/// The scatter and the manifold share one plane fitted to the held-out codes, so prior
/// samples land where codes of the same value would, and a manifold cell at plane
/// coordinates `(x, y)` decodes the code that the scatter draws at `(x, y)`.
struct CodePlane {
    /// The number of values in a code.
    let dimension: Int
    /// The fitted principal components for codes wider than 2; nil otherwise.
    let components: PrincipalComponents?

    /// The plane of `codes` (row-major, `dimension` values each).
    init(fittedTo codes: [Float], dimension: Int) {
        precondition(dimension > 0, "codes need at least one value")
        self.dimension = dimension
        components = dimension > 2 && !codes.isEmpty
            ? PrincipalComponents(codes: codes, dimension: dimension, components: 2) : nil
    }

    /// Whether the plane has a second axis (false only for 1-D codes).
    var hasSecondAxis: Bool { dimension >= 2 }

    /// The plane coordinates of each code; `ys` are 0 for 1-D codes.
    func coordinates(of codes: [Float]) -> (xs: [Float], ys: [Float]) {
        let count = codes.count / dimension
        if let components {
            let projected = components.project(codes)
            return ((0..<count).map { projected[2 * $0] }, (0..<count).map { projected[2 * $0 + 1] })
        }
        return ((0..<count).map { codes[$0 * dimension] },
                (0..<count).map { dimension > 1 ? codes[$0 * dimension + 1] : 0 })
    }

    /// The code drawn at plane coordinates `(x, y)`; `y` is ignored for 1-D codes.
    func code(x: Float, y: Float) -> [Float] {
        if let components { return components.code(at: [x, y]) }
        return dimension > 1 ? [x, y] : [x]
    }

    /// The name of axis `index` (0 or 1): `z[0]` or `PC1`.
    func axisName(_ index: Int) -> String {
        components == nil ? "z[\(index)]" : "PC\(index + 1)"
    }

    /// The axis title for a scatter: the name, with the share of variance for a principal
    /// component, e.g. "PC1 (34% of variance)"; empty for the missing axis of 1-D codes.
    func axisTitle(_ index: Int) -> String {
        guard index == 0 || hasSecondAxis else { return "" }
        guard let components else { return axisName(index) }
        let percent = components.explainedVarianceRatios[index] * 100
        let share = percent > 0 && percent < 0.5 ? "<1" : String(Int(percent.rounded()))
        return "\(axisName(index)) (\(share)% of variance)"
    }

    /// A note on what the plane shows, for figure titles: "" for codes drawn as they are,
    /// "PCA of 8-D codes" for wider ones.
    var note: String {
        components == nil ? "" : "PCA of \(dimension)-D codes"
    }
}
