import AAEReport
import XCTest

final class HTMLTextTests: XCTestCase {
    func testEscapeReplacesMarkupCharacters() {
        XCTAssertEqual(HTMLText.escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        XCTAssertEqual(HTMLText.escape("plain ünïcødé ✓"), "plain ünïcødé ✓")
    }

    func testRelativeURLPercentEncodesEachSegment() {
        XCTAssertEqual(RelativeURL.path(["lr=0.001,seed=1", "latent_scatter.png"]), "lr=0.001,seed=1/latent_scatter.png")
        XCTAssertEqual(RelativeURL.path(["a b#?%:/é", "", "x.png"]), "a%20b%23%3F%25%3A%2F%C3%A9/x.png")
        XCTAssertEqual(RelativeURL.folder(["seed=1"]), "seed=1/")
        XCTAssertEqual(RelativeURL.folder([""]), "./")
    }
}
