import CCairo
import Foundation

/// A white raster image to draw a figure on, backed by a cairo ARGB32 image surface.
///
/// It exposes only the few primitives the plots need, each taking its colour and size
/// explicitly so no drawing state leaks from one call to the next. Rendering is
/// deterministic: the same calls produce the same PNG bytes (cairo writes no timestamps).
public final class Canvas {
    public let width: Int
    public let height: Int
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// Creates a `width` × `height` pixel canvas filled with `background`.
    public init(width: Int, height: Int, background: Color = .white) {
        precondition(width > 0 && height > 0, "Canvas size must be positive, got \(width)×\(height)")
        self.width = width
        self.height = height
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        context = cairo_create(surface)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        fillRect(CanvasRect(x: 0, y: 0, width: Double(width), height: Double(height)), color: background)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // MARK: Shapes

    /// A straight line; `dash` lists alternating on/off lengths (empty for solid).
    public func line(from start: CanvasPoint, to end: CanvasPoint, color: Color, width: Double = 1,
                     dash: [Double] = []) {
        polyline([start, end], color: color, width: width, dash: dash)
    }

    /// Connected line segments through `points`; fewer than two points draw nothing.
    public func polyline(_ points: [CanvasPoint], color: Color, width: Double = 1.5, dash: [Double] = []) {
        guard points.count >= 2 else { return }
        cairo_new_path(context)
        cairo_move_to(context, points[0].x, points[0].y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        setSource(color)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, dash, Int32(dash.count), 0)
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// A filled disc.
    public func fillCircle(center: CanvasPoint, radius: Double, color: Color) {
        cairo_new_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        setSource(color)
        cairo_fill(context)
    }

    /// A filled rectangle.
    public func fillRect(_ rect: CanvasRect, color: Color) {
        cairo_new_path(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        setSource(color)
        cairo_fill(context)
    }

    /// A rectangle outline. For crisp 1-pixel lines, pass a rectangle on half-pixel coordinates.
    public func strokeRect(_ rect: CanvasRect, color: Color, width: Double = 1) {
        cairo_new_path(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        setSource(color)
        cairo_set_line_width(context, width)
        cairo_stroke(context)
    }

    /// Runs `draw` with everything clipped to `rect`, e.g. to keep data inside a plot frame.
    public func clipped(to rect: CanvasRect, _ draw: () -> Void) {
        cairo_save(context)
        cairo_new_path(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        draw()
        cairo_restore(context)
    }

    // MARK: Images

    /// Draws a grayscale image (row-major, `pixelWidth` × `pixelHeight`, values clamped to
    /// 0 = black ... 1 = white, NaN as black) with its top-left corner at `origin`, each
    /// source pixel enlarged to a `scale` × `scale` block without smoothing.
    public func grayscaleImage(_ pixels: ArraySlice<Float>, pixelWidth: Int, pixelHeight: Int,
                               at origin: CanvasPoint, scale: Int) {
        precondition(pixels.count == pixelWidth * pixelHeight,
                     "grayscale image has \(pixels.count) values, expected \(pixelWidth)×\(pixelHeight)")
        guard pixelWidth > 0, pixelHeight > 0 else { return }
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        let base = cairo_image_surface_get_data(image)!
        var index = pixels.startIndex
        for row in 0..<pixelHeight {
            let rowStart = UnsafeMutableRawPointer(base + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<pixelWidth {
                let value = pixels[index]
                index += 1
                let level = UInt32(((value.isNaN ? 0 : min(max(value, 0), 1)) * 255).rounded())
                rowStart[column] = 0xFF00_0000 | level << 16 | level << 8 | level
            }
        }
        cairo_surface_mark_dirty(image)

        cairo_save(context)
        cairo_translate(context, origin.x, origin.y)
        cairo_scale(context, Double(scale), Double(scale))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_new_path(context)
        cairo_rectangle(context, 0, 0, Double(pixelWidth), Double(pixelHeight))
        cairo_fill(context)
        cairo_restore(context)
    }

    /// Draws the PNG image at `path` scaled to fit inside `rect` (keeping its aspect
    /// ratio, centred), smoothly resampled; returns the rectangle it covers, or nil
    /// (drawing nothing) when the file is not a readable PNG.
    @discardableResult
    public func pngImage(atPath path: String, fitting rect: CanvasRect) -> CanvasRect? {
        let image = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return nil }
        let width = Double(cairo_image_surface_get_width(image)), height = Double(cairo_image_surface_get_height(image))
        guard width > 0, height > 0 else { return nil }
        let factor = min(rect.width / width, rect.height / height)
        let placed = CanvasRect(x: rect.x + (rect.width - width * factor) / 2,
                                y: rect.y + (rect.height - height * factor) / 2,
                                width: width * factor, height: height * factor)
        cairo_save(context)
        cairo_translate(context, placed.x, placed.y)
        cairo_scale(context, factor, factor)
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_new_path(context)
        cairo_rectangle(context, 0, 0, width, height)
        cairo_fill(context)
        cairo_restore(context)
        return placed
    }

    // MARK: Text

    /// The advance width of `text` and the font's line height (ascent + descent).
    public func textSize(_ text: String, style: TextStyle) -> CanvasSize {
        selectFont(style)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, text, &textExtents)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        return CanvasSize(width: textExtents.x_advance, height: fontExtents.ascent + fontExtents.descent)
    }

    /// Draws one line of text so that `anchor` describes where `point` lies on the text,
    /// rotated by `rotation` radians about `point` (−π/2 reads bottom-to-top, as on a y axis).
    public func text(_ text: String, at point: CanvasPoint, style: TextStyle, color: Color = .black,
                     anchor: TextAnchor = .leftBaseline, rotation: Double = 0) {
        guard !text.isEmpty else { return }
        selectFont(style)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, text, &textExtents)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)

        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -textExtents.x_advance / 2
        case .right: dx = -textExtents.x_advance
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = fontExtents.ascent
        case .middle: dy = (fontExtents.ascent - fontExtents.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -fontExtents.descent
        }

        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        cairo_rotate(context, rotation)
        cairo_new_path(context)
        cairo_move_to(context, dx, dy)
        setSource(color)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    // MARK: Output

    /// The canvas encoded as PNG. Only fails (fatally) if cairo runs out of memory.
    public func pngData() -> Data {
        cairo_surface_flush(surface)
        let sink = PNGByteSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        withExtendedLifetime(sink) {}
        precondition(status == CAIRO_STATUS_SUCCESS,
                     "cairo failed to encode PNG: \(String(cString: cairo_status_to_string(status)))")
        return sink.data
    }

    /// Atomically writes the PNG encoding to `url` (see `AtomicFile`).
    public func writePNG(to url: URL) throws {
        try AtomicFile.write(pngData(), to: url)
    }

    // MARK: Private

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func selectFont(_ style: TextStyle) {
        cairo_select_font_face(context, TextStyle.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                               style.isBold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, style.size)
    }
}

/// Collects the bytes cairo's PNG writer streams out.
private final class PNGByteSink {
    var data = Data()
}
