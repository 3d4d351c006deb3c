// The engine's descriptor matching: the rule COLMAP's matcher follows, feature by feature.
#include "reconstruct/DescriptorMatcher.h"

#include <Eigen/Dense>
#include <QtTest>

using bitmarket::reconstruct::matchDescriptors;

namespace {

// Unit descriptors, one per row: `count` random ones from a fixed seed.
Eigen::MatrixXf randomDescriptors(int count, unsigned seed) {
    std::srand(seed);
    Eigen::MatrixXf d = Eigen::MatrixXf::Random(count, 128).cwiseAbs();
    d.rowwise().normalize();
    return d;
}

Eigen::RowVectorXf unit(const Eigen::RowVectorXf& v) { return v.normalized(); }

Eigen::RowVectorXf nudged(const Eigen::RowVectorXf& v, float by, unsigned seed) {
    std::srand(seed);
    return unit(v + by * Eigen::RowVectorXf::Random(128).cwiseAbs());
}

} // namespace

class DescriptorMatcherTest : public QObject {
    Q_OBJECT

private slots:
    // Features seen again in the other photo (a little changed) are found there, whatever
    // their order; those with no counterpart are not matched to anything.
    void featuresSeenInBothPhotosMatchOneToOne() {
        const Eigen::MatrixXf a = randomDescriptors(300, 1);
        Eigen::MatrixXf b = randomDescriptors(300, 2);
        // b's feature 299 - i is a's feature i, for the first 100 of a.
        for (int i = 0; i < 100; ++i)
            b.row(299 - i) = nudged(a.row(i), 0.05f, 100 + i);
        const auto matches = matchDescriptors(a, b);
        QCOMPARE(int(matches.size()), 100);
        for (const auto& [i, j] : matches) {
            QVERIFY(i < 100);
            QCOMPARE(j, 299 - i);
        }
    }

    // Two features of b almost equally near: which one is unclear, so neither (Lowe's ratio).
    void anAmbiguousFeatureIsNotMatched() {
        Eigen::MatrixXf a(1, 128), b(2, 128);
        a.row(0) = randomDescriptors(1, 3).row(0);
        b.row(0) = nudged(a.row(0), 0.20f, 4);
        b.row(1) = nudged(a.row(0), 0.21f, 5);
        QVERIFY(matchDescriptors(a, b).empty());
        // With the second clearly farther, the nearer one is the match.
        b.row(1) = randomDescriptors(1, 6).row(0);
        const auto matches = matchDescriptors(a, b);
        QCOMPARE(int(matches.size()), 1);
        QCOMPARE(matches.front(), std::make_pair(0, 0));
    }

    // The nearest is still too far (more than 0.7 rad apart): no match.
    void aFarFeatureIsNotMatched() {
        Eigen::MatrixXf a(1, 128), b(1, 128);
        a.setZero();
        b.setZero();
        a(0, 0) = 1;
        b(0, 0) = std::cos(0.8f);
        b(0, 1) = std::sin(0.8f);
        QVERIFY(matchDescriptors(a, b).empty());
        b(0, 0) = std::cos(0.5f);
        b(0, 1) = std::sin(0.5f);
        QCOMPARE(int(matchDescriptors(a, b).size()), 1);
    }

    // a's feature 0 is nearest to b's only feature, but b's feature is nearer a's feature 1:
    // only the pair that is nearest both ways is kept.
    void onlyNearestBothWaysIsKept() {
        Eigen::MatrixXf b = randomDescriptors(1, 7);
        Eigen::MatrixXf a(2, 128);
        a.row(0) = nudged(b.row(0), 0.10f, 8);
        a.row(1) = nudged(b.row(0), 0.02f, 9);
        const auto matches = matchDescriptors(a, b);
        QCOMPARE(int(matches.size()), 1);
        QCOMPARE(matches.front(), std::make_pair(1, 0));
    }

    // A descriptor without a direction (zeros, or not a number) matches nothing and keeps
    // the others from nothing; no features at all match nothing.
    void aDescriptorWithoutADirectionMatchesNothing() {
        const Eigen::MatrixXf b = randomDescriptors(3, 10);
        Eigen::MatrixXf a = b;
        a.row(1).setZero();
        a.row(2).setConstant(std::numeric_limits<float>::quiet_NaN());
        const auto matches = matchDescriptors(a, b);
        QCOMPARE(int(matches.size()), 1);
        QCOMPARE(matches.front(), std::make_pair(0, 0));
        QVERIFY(matchDescriptors(Eigen::MatrixXf(0, 128), b).empty());
    }
};

QTEST_GUILESS_MAIN(DescriptorMatcherTest)
#include "DescriptorMatcherTest.moc"
