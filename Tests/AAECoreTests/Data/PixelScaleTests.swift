import AAECore
import XCTest

final class PixelScaleTests: XCTestCase {
    func testUnitScaleMapsBytesOntoZeroToOne() {
        XCTAssertEqual(PixelScale.unit.values([0, 51, 255]), [0, 0.2, 1])
        XCTAssertEqual(PixelScale.unit.value(255), 1)
    }

    func testSymmetricScaleMapsBytesOntoMinusOneToOne() {
        let values = PixelScale.symmetric.values([0, 255, 127, 128])
        XCTAssertEqual(values[0], -1)
        XCTAssertEqual(values[1], 1)
        XCTAssertEqual(values[2], 127 / 127.5 - 1, accuracy: 1e-7)
        XCTAssertEqual(values[3], 128 / 127.5 - 1, accuracy: 1e-7)
        XCTAssertEqual(PixelScale.symmetric.value(0), -1)
    }

    func testSingleByteAndArrayConversionsAgree() {
        let bytes = (0...255).map(UInt8.init)
        for scale in PixelScale.allCases {
            XCTAssertEqual(scale.values(bytes), bytes.map(scale.value), "\(scale)")
        }
    }

    func testUnitIntervalUndoesTheScale() {
        for scale in PixelScale.allCases {
            for byte: UInt8 in [0, 64, 200, 255] {
                XCTAssertEqual(scale.unitInterval(scale.value(byte)), Float(byte) / 255, accuracy: 1e-6, "\(scale)")
            }
        }
    }
}
