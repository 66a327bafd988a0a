import Foundation

/// A figure that renders itself onto a fresh canvas; gives every plot kind the same
/// `pngData()` and atomic `write(to:)`.
public protocol Plot {
    /// Draws the complete figure. Identical plots render to identical pixels.
    func render() -> Canvas
}

extension Plot {
    /// The rendered figure as PNG bytes.
    public func pngData() -> Data {
        render().pngData()
    }

    /// Renders the figure and atomically writes it as a PNG file to `url`.
    public func write(to url: URL) throws {
        try render().writePNG(to: url)
    }
}
