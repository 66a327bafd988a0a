import AAEReport
import XCTest

final class CSVFormatTests: XCTestCase {
    func testFloatKeepsSevenSignificantDigits() {
        XCTAssertEqual(CSVFormat.float(0.0229123456), "0.02291235")
        XCTAssertEqual(CSVFormat.float(3.14159265358979), "3.141593")
        XCTAssertEqual(CSVFormat.float(-123.456789), "-123.4568")
    }

    func testFloatDropsTrailingZerosAndDecimalPoint() {
        XCTAssertEqual(CSVFormat.float(3.0), "3")
        XCTAssertEqual(CSVFormat.float(0.5), "0.5")
        XCTAssertEqual(CSVFormat.float(-2.25), "-2.25")
        XCTAssertEqual(CSVFormat.float(100.0), "100")
    }

    func testSmallMagnitudesSwitchToExponentBelowOneTenThousandth() {
        XCTAssertEqual(CSVFormat.float(1e-5), "1e-05")
        XCTAssertEqual(CSVFormat.float(0.0001), "0.0001")
        XCTAssertEqual(CSVFormat.float(-2.5e-7), "-2.5e-07")
        XCTAssertEqual(CSVFormat.float(1e-300), "1e-300")
    }

    func testLargeMagnitudesSwitchToExponentFromTenMillion() {
        XCTAssertEqual(CSVFormat.float(1234567.0), "1234567")
        XCTAssertEqual(CSVFormat.float(12345678.0), "1.234568e+07")
        XCTAssertEqual(CSVFormat.float(1e20), "1e+20")
        XCTAssertEqual(CSVFormat.float(9999999.5), "1e+07")
    }

    func testNegativeZeroIsWrittenWithoutSign() {
        XCTAssertEqual(CSVFormat.float(-0.0), "0")
        XCTAssertEqual(CSVFormat.float(0.0), "0")
    }

    func testNonFiniteValuesHaveFixedSpellings() {
        XCTAssertEqual(CSVFormat.float(Double.nan), "nan")
        XCTAssertEqual(CSVFormat.float(-Double.nan), "nan")
        XCTAssertEqual(CSVFormat.float(Double.infinity), "inf")
        XCTAssertEqual(CSVFormat.float(-Double.infinity), "-inf")
    }

    func testFloatOverloadFormatsTheWidenedValue() {
        XCTAssertEqual(CSVFormat.float(Float(0.0229123456)), "0.02291235")
        XCTAssertEqual(CSVFormat.float(Float.nan), "nan")
    }

    func testPlainFieldsAreLeftUnquoted() {
        XCTAssertEqual(CSVFormat.field("loss"), "loss")
        XCTAssertEqual(CSVFormat.field(""), "")
        XCTAssertEqual(CSVFormat.field("z[0] mean; std"), "z[0] mean; std")
    }

    func testFieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        XCTAssertEqual(CSVFormat.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVFormat.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVFormat.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVFormat.field("carriage\rreturn"), "\"carriage\rreturn\"")
    }

    func testRowJoinsQuotedFieldsAndEndsWithNewline() {
        XCTAssertEqual(CSVFormat.row(["step", "loss,total", "1"]), "step,\"loss,total\",1\n")
        XCTAssertEqual(CSVFormat.row([]), "\n")
    }

    func testRowOfOneEmptyFieldIsQuotedSoItIsNotABlankLine() {
        XCTAssertEqual(CSVFormat.row([""]), "\"\"\n")
    }
}
