import AAEReport
import XCTest

final class PaletteTests: XCTestCase {
    func testCategoricalPaletteIsTab10AndRepeats() {
        XCTAssertEqual(Palette.categorical.count, 10)
        XCTAssertEqual(Palette.categorical(0), Color(hex: 0x1F77B4))
        XCTAssertEqual(Palette.categorical(10), Palette.categorical(0))
        XCTAssertEqual(Palette.categorical(-1), Palette.categorical(9))
    }

    func testViridisRunsFromPurpleToYellowAndClamps() {
        XCTAssertEqual(Palette.viridis(0), Color(hex: 0x440154))
        XCTAssertEqual(Palette.viridis(1), Color(hex: 0xFDE725))
        XCTAssertEqual(Palette.viridis(-5), Palette.viridis(0))
        XCTAssertEqual(Palette.viridis(7), Palette.viridis(1))
        XCTAssertEqual(Palette.viridis(.nan), Palette.viridis(0))
    }

    func testViridisInterpolatesBetweenAnchors() {
        let middle = Palette.viridis(1.0 / 16)
        let low = Color(hex: 0x440154), high = Color(hex: 0x472D7B)
        XCTAssertEqual(middle.green, (low.green + high.green) / 2, accuracy: 1e-12)
    }
}
