//! The checks against the seeds: as written they hold no error of any rule;
//! with one sentence made wrong, the rule finds it on that line, with the
//! right value in its message.

use baocao_checks::{run, Finding, Rule, Severity};
use baocao_import::import_text;

use baocao_testdata::MAR_2025;
use baocao_testdata::NOV_2021;
/// A monthly report of a xã written for the corpus (every sector, invented
/// figures, all right as written).
const TAN_HA: &str = include_str!("../../../tests/corpus/tu-viet-xa-tan-ha-thang-10-2025.txt");
/// A province's yearly CCHC report, as published (soffice text export).
const CCHC_2025: &str = include_str!("../../../tests/corpus/bao-cao-cchc-nam-2025.txt");
/// A xã's report on its budget and public investment, written for the corpus.
const PHUC_THO: &str =
    include_str!("../../../tests/corpus/tu-viet-ngan-sach-dau-tu-thang-9-2025.txt");

fn seed(name: &str) -> &'static str {
    match name {
        "000" => NOV_2021,
        "001" => MAR_2025,
        "tanha" => TAN_HA,
        "cchc" => CCHC_2025,
        "phuctho" => PHUC_THO,
        other => panic!("no seed {other}"),
    }
}

fn findings(text: &str) -> Vec<Finding> {
    run(&import_text(text).expect("the seed imports"))
}

#[test]
fn seeds_as_written_have_no_error() {
    for name in ["000", "001"] {
        let errors: Vec<Finding> = findings(seed(name))
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors, vec![], "seed {name}");
    }
}

/// One mutation: in `seed`, `original` (found exactly once) becomes
/// `replacement`; `rule` must then report, with `severity`, on `line`, a
/// message containing `expected`.
struct Mutation {
    rule: Rule,
    severity: Severity,
    seed: &'static str,
    original: &'static str,
    replacement: &'static str,
    line: u32,
    expected: &'static str,
}

const fn m(
    rule: Rule,
    severity: Severity,
    seed: &'static str,
    original: &'static str,
    replacement: &'static str,
    line: u32,
    expected: &'static str,
) -> Mutation {
    Mutation {
        rule,
        severity,
        seed,
        original,
        replacement,
        line,
        expected,
    }
}

use Rule::*;
use Severity::{Error as E, Info as I, Warning as W};

#[rustfmt::skip]
const MUTATIONS: &[Mutation] = &[
    // percent: every written form of the seeds.
    m(Percent, E, "000", "$73.566/75.706 = 97,1\\%$", "$73.566/75.706 = 92,1\\%$", 77, "73.566/75.706 = 97,17%, không phải 92,1%"),
    m(Percent, E, "000", "79.896 TH (*đạt 87,6%*)", "79.896 TH (*đạt 88,6%*)", 83, "69.974/79.896 = 87,58%, không phải 88,6%"),
    m(Percent, E, "001", "quá hạn 11/470 chiếm 2,34%", "quá hạn 11/470 chiếm 2,43%", 149, "11/470 = 2,34%, không phải 2,43%"),
    m(Percent, E, "001", "vốn đầu tư đạt 13,4%", "vốn đầu tư đạt 14,3%", 37, "43.406/323.927 = 13,40%, không phải 14,3%"),
    m(Percent, E, "001", "31 việc/133 = 23,30%", "31 việc/133 = 32,30%", 167, "31/133 = 23,31%, không phải 32,30%"),
    m(Percent, E, "001", "$257/470 = 54,68\\%$", "$257/470 = 45,68\\%$", 149, "257/470 = 54,68%, không phải 45,68%"),
    // sum: in brackets, after "trong đó", in a footnote, in the next lines.
    m(Sum, E, "000", "cấp 56 giấy phép xây dựng (trong đó:", "cấp 58 giấy phép xây dựng (trong đó:", 29, "Tổng 58 giấy phép không khớp với các thành phần: 40 + 06 + 08 + 02 = 56 giấy phép"),
    m(Sum, E, "000", "kiểm tra 103 công trình xây dựng trong đó", "kiểm tra 105 công trình xây dựng trong đó", 33, "61 + 41 + 01 = 103 công trình"),
    m(Sum, E, "000", "03 nhân viên các trường mầm non", "04 nhân viên các trường mầm non", 89, "02 + 01 = 03 nhân viên"),
    m(Sum, E, "000", "chưa tham mưu giải quyết: 03 nội dung", "chưa tham mưu giải quyết: 04 nội dung", 111, "(dòng 113–115): 02 + 01 = 03 nội dung"),
    m(Sum, E, "000", "+ Phòng Quản lý đô thị: 02 nội dung.", "+ Phòng Quản lý đô thị: 03 nội dung.", 117, "02 + 03 + 02 + 03 + 01 + 02 = 13 nội dung"),
    m(Sum, E, "000", "68.448 người", "68.848 người", 75, "(dòng 77): 39.078 + 1.309 + 13.963 + 5.983 + 8.115 = 68.448 người"),
    m(Sum, E, "001", "được 28 cơ sở (22 cơ sở", "được 26 cơ sở (22 cơ sở", 107, "22 + 06 = 28 cơ sở"),
    m(Sum, E, "001", "tiếp được 15 lượt/18 công dân", "tiếp được 17 lượt/18 công dân", 137, "trong chú thích 15 (dòng 145): 10 + 03 + 02 = 15 lượt"),
    m(Sum, E, "001", "Xử lý vi phạm hành chính 14 hồ sơ", "Xử lý vi phạm hành chính 15 hồ sơ", 169, "03 + 09 + 01 + 01 = 14 hồ sơ"),
    m(Sum, E, "001", "giải quyết 19 hồ sơ xin thay đổi", "giải quyết 20 hồ sơ xin thay đổi", 167, "11 + 08 = 19 hồ sơ"),
    // footnote: a marker gone, a marker renumbered, a definition renumbered.
    m(Footnote, E, "001", "phát triển đô thị¹.", "phát triển đô thị.", 27, "Chú thích ¹ không được dẫn ở đâu"),
    m(Footnote, E, "001", "01 dự án⁴", "01 dự án⁵", 35, "Chú thích ⁵ đứng ở vị trí thứ 4"),
    m(Footnote, E, "001", "⁹ Trong tháng 3/2025, Trung tâm", "¹⁹ Trong tháng 3/2025, Trung tâm", 77, "Chú thích ⁹ không có nội dung"),
    // count: the number before the marker, or the list in the footnote.
    m(Count, E, "001", "11 công trình⁷", "10 công trình⁷", 35, "Ghi 10 công trình nhưng chú thích ⁷ (dòng 59) liệt kê 11 mục"),
    m(Count, E, "001", "03 dự án⁶", "04 dự án⁶", 35, "Ghi 04 dự án nhưng chú thích ⁶ (dòng 57) liệt kê 3 mục"),
    m(Count, E, "001", "12 công trình²³", "13 công trình²³", 199, "liệt kê 12 mục (đánh số (1) đến (12)). Sửa thành 12 công trình"),
    m(Count, E, "001", "Liên Cơ\n\n⁶ (1)", "Liên Cơ; (3) Nhà văn hóa khối 6\n\n⁶ (1)", 35, "Ghi 02 dự án nhưng chú thích ⁵ (dòng 55) liệt kê 3 mục"),
    // period: the title's tasks month, part III, an as-of date.
    m(Period, E, "000", "nhiệm vụ công tác tháng 12/2021", "nhiệm vụ công tác tháng 01/2021", 5, "nhiệm vụ là của tháng 12/2021, không phải tháng 1/2021"),
    m(Period, E, "001", "CÔNG TÁC THÁNG 4/2025", "CÔNG TÁC THÁNG 5/2025", 179, "phần nhiệm vụ nêu tháng tới là 4/2025, không phải 5/2025"),
    m(Period, E, "001", "tính đến hết ngày 12/03/2025", "tính đến hết ngày 12/03/2024", 19, "Số liệu «tính đến 12/03/2024» nằm ngoài kỳ báo cáo"),
    m(Period, E, "000", "tính đến ngày 14/11/2021", "tính đến ngày 14/12/2021", 83, "Số liệu «tính đến 14/12/2021» nằm ngoài kỳ báo cáo"),
    // heading: a gap, a letter skipped, a sub-item and a part out of order.
    m(Heading, E, "001", "5. Công tác chuyển đổi số\n\nChỉ đạo và", "6. Công tác chuyển đổi số\n\nChỉ đạo và", 111, "Đề mục «6.» đứng sau mục «4.»: thiếu mục «5.»"),
    m(Heading, E, "001", "c) Công tác y tế", "d) Công tác y tế", 105, "thiếu điểm «c)». Đánh số lại thành «c)»"),
    m(Heading, E, "000", "**2.1. Quản lý đô thị**", "**2.3. Quản lý đô thị**", 23, "thiếu tiểu mục «2.1.», «2.2.»"),
    m(Heading, E, "000", "**II. MỘT SỐ HẠN CHẾ**", "**IV. MỘT SỐ HẠN CHẾ**", 97, "thiếu phần «II.», «III.»"),
    // date: impossible days and months in the forms the seeds use.
    m(Date, E, "001", "81/KH-UBND ngày 28/02/2025", "81/KH-UBND ngày 29/02/2025", 65, "Ngày «29/02/2025» không có thật: năm 2025 không nhuận, tháng 2 chỉ có 28 ngày"),
    m(Date, E, "000", "đến ngày 30/11/2021 là", "đến ngày 31/11/2021 là", 39, "Ngày «31/11/2021» không có thật: tháng 11 chỉ có 30 ngày"),
    m(Date, E, "001", "Việt Nam (15/3)", "Việt Nam (31/4)", 103, "Ngày «31/4» không có thật: tháng 4 chỉ có 30 ngày"),
    m(Date, E, "000", "19/2021/QĐ-UBND ngày 13/7/2021", "19/2021/QĐ-UBND ngày 13/13/2021", 151, "không có tháng 13"),
    // number-format: groupings that are wrong, a comma like a thousands mark.
    m(NumberFormat, E, "000", "22.961 triệu đồng", "22.9611 triệu đồng", 17, "Số «22.9611» viết sai"),
    m(NumberFormat, E, "001", "1.143.478.000 đồng", "114.3478.000 đồng", 49, "Nếu là số nguyên, viết 1.143.478.000"),
    m(NumberFormat, W, "001", "hành chính: 6.000.000 đồng", "hành chính: 6,000 đồng", 21, "Nếu ý là 6.000 đồng, viết dấu chấm như «75.013.100 đồng» ở dòng 31"),
    // abbreviation: a new one used bare, one spelled out only later.
    m(Abbreviation, I, "000", "diễn tập phòng chống cháy rừng", "diễn tập PCCCR", 83, "Lần đầu nên viết: phòng cháy, chữa cháy rừng (PCCCR)"),
    m(Abbreviation, I, "001", "Công tác giải phóng mặt bằng, kể cả", "Công tác giải phóng mặt bằng (GPMB), kể cả", 145, "«GPMB» được dùng ở đây trước khi được viết đầy đủ (dòng 165)"),
    // structure: ký hiệu, date padding, Nơi nhận punctuation.
    m(Structure, W, "001", "Số: /BC-UBND", "Số: /UBND-BC", 3, "Ký hiệu «UBND-BC» không đúng dạng"),
    m(Structure, W, "001", "ngày tháng 3 năm 2025", "ngày tháng 03 năm 2025", 5, "tháng 3 viết «3», không phải «03»"),
    m(Structure, W, "001", "- Sở Kế hoạch và Đầu tư (b/c);", "- Sở Kế hoạch và Đầu tư (b/c)", 270, "Mỗi nơi nhận kết thúc bằng dấu «;»"),
    m(Structure, W, "000", "- Trang TTĐT TP;", "- Trang TTĐT TP.", 205, "«Trang TTĐT TP;»"),

    // Issue 10: the shapes of real reports, in the corpus's own sentences.
    // percent: "a/b …, đạt tỷ lệ c%", near and far from the fraction.
    m(Percent, E, "tanha", "đạt tỷ lệ 97,85%", "đạt tỷ lệ 98,85%", 36, "1.184/1.210 = 97,85%, không phải 98,85%"),
    m(Percent, E, "tanha", "Tiêm chủng mở rộng: 1.184/1.210 trẻ em dưới một tuổi được tiêm đủ các loại vắc xin, đạt tỷ lệ 97,85%.", "Đến nay, đã có 1.250/1.600 hộ kinh doanh trên địa bàn các xã vùng cao đăng ký tài khoản, đạt tỷ lệ 79,13%.", 36, "1.250/1.600 = 78,13%, không phải 79,13%"),
    m(Percent, E, "tanha", "1.184/1.210 trẻ em dưới một tuổi", "1.210/1.210 trẻ em được lập phiếu theo dõi, đạt 100%, trong đó 1.194/1.210 trẻ em dưới một tuổi", 36, "1.194/1.210 = 98,68%, không phải 97,85%"),
    m(Percent, E, "tanha", "đạt tỷ lệ 78,33%", "đạt tỷ lệ 87,33%", 18, "2.350/3.000 = 78,33%, không phải 87,33%"),
    m(Percent, E, "tanha", "đạt 63,19%", "đạt 61,39%", 22, "27.046/42.800 = 63,19%, không phải 61,39%"),
    m(Percent, E, "tanha", "chiếm 78,57%", "chiếm 78,75%", 48, "11/14 = 78,57%, không phải 78,75%"),
    m(Percent, E, "tanha", "đạt tỷ lệ 92,98%", "đạt tỷ lệ 93,98%", 48, "318/342 = 92,98%, không phải 93,98%"),
    m(Percent, E, "tanha", "(412/412 trẻ)", "(402/412 trẻ)", 48, "402/412 = 97,57%, không phải 100%"),
    m(Percent, E, "tanha", "đạt 83,33%", "đạt 88,33%", 66, "05/06 = 83,33%, không phải 88,33%"),
    m(Percent, E, "tanha", "đạt tỷ lệ 89,66%", "đạt tỷ lệ 86,66%", 70, "52/58 = 89,66%, không phải 86,66%"),
    // percent: a promised percentage missing (a warning with the value).
    m(Percent, W, "tanha", "đạt tỷ lệ 89,66%.", "đạt tỷ lệ.", 70, "Câu ghi «đạt tỷ lệ» nhưng thiếu con số tỷ lệ: 52/58 = 89,66%. Bổ sung «đạt tỷ lệ 89,66%»."),
    m(Percent, W, "tanha", "đạt tỷ lệ 78,33%", "đạt tỷ lệ", 18, "thiếu con số tỷ lệ: 2.350/3.000 = 78,33%"),
    // percent: shares of the parent total given before the breakdown.
    m(Percent, E, "tanha", "(chiếm 17,98%)", "(chiếm 18,98%)", 34, "Tỷ lệ trên tổng 12.480 lượt người: 2.244/12.480 = 17,98%, không phải 18,98%"),
    m(Percent, E, "tanha", "(chiếm tỷ lệ 19,97%)", "(chiếm tỷ lệ 20,97%)", 52, "824/4.126 = 19,97%, không phải 20,97%"),
    m(Percent, E, "tanha", "3.302 hồ sơ trực tuyến (chiếm tỷ lệ 80,03%), 824 hồ sơ trực tiếp (chiếm tỷ lệ 19,97%)", "3.010 hồ sơ trực tuyến (chiếm tỷ lệ 72,95%), 1.116 hồ sơ trực tiếp (chiếm tỷ lệ 25,1%)", 52, "1.116/4.126 = 27,05%, không phải 25,1%"),
    m(Percent, E, "tanha", "chiếm 0,73%", "chiếm 0,75%", 54, "29/3.980 = 0,73%, không phải 0,75%"),
    // "đạt" may be progress against a plan: a share it claims is a warning.
    m(Percent, W, "tanha", "đạt 99,27%, quá hạn", "đạt 98,27%, quá hạn", 54, "3.951/3.980 = 99,27%, không phải 98,27%"),
    // percent: the published report's own forms, made wrong.
    m(Percent, E, "cchc", "(tỷ lệ 0,9%)", "(tỷ lệ 1,9%)", 65, "Tỷ lệ trên tổng 195.197 hồ sơ: 1.740/195.197 = 0,89%, không phải 1,9%"),
    m(Percent, E, "cchc", "(tỷ lệ 99,81%)", "(tỷ lệ 99,18%)", 66, "467.565/468.463 = 99,81%, không phải 99,18%"),
    m(Percent, E, "cchc", "đạt 90,58% (419.218/462.814 hồ sơ)", "đạt 95,58% (419.218/462.814 hồ sơ)", 140, "419.218/462.814 = 90,58%, không phải 95,58%"),
    m(Percent, E, "cchc", "đạt 51,8% kế hoạch", "đạt 58,1% kế hoạch", 104, "9.037/17.454 = 51,78%, không phải 58,1%"),
    m(Percent, E, "cchc", "đúng hạn 123/123 nhiệm vụ", "đúng hạn 122/123 nhiệm vụ", 31, "122/123 = 99,19%, không phải 100%"),
    m(Percent, E, "cchc", "hoàn thành 33/33 lớp", "hoàn thành 32/33 lớp", 94, "32/33 = 96,97%, không phải 100%"),
    // sum: labelled parts in brackets, parts over the total, sibling lines.
    m(Sum, W, "tanha", "thu tiền sử dụng đất 3.420 triệu đồng", "thu tiền sử dụng đất 3.520 triệu đồng", 16, "15.220 + 3.520 = 18.740 triệu đồng"),
    m(Sum, W, "tanha", "thu tiền sử dụng đất 3.420 triệu đồng", "thu tiền sử dụng đất 3.421 triệu đồng", 16, "15.220 + 3.421 = 18.641 triệu đồng. Sửa tổng thành 18.641 triệu đồng hoặc kiểm tra lại các thành phần. Chênh lệch nhỏ, có thể do làm tròn"),
    m(Sum, E, "tanha", "(32 cơ sở đạt", "(31 cơ sở đạt", 42, "31 + 13 = 44 cơ sở"),
    m(Sum, E, "tanha", "03 trường trung học cơ sở", "04 trường trung học cơ sở", 46, "05 + 05 + 04 + 01 = 15 trường"),
    m(Sum, E, "tanha", "03 vụ cố ý", "04 vụ cố ý", 66, "02 + 04 + 01 = 07 vụ"),
    m(Sum, E, "tanha", "05 công trình chuyển tiếp", "04 công trình chuyển tiếp", 24, "04 + 02 = 06 công trình"),
    m(Sum, W, "tanha", "quá hạn 29 hồ sơ", "quá hạn 28 hồ sơ", 54, "3.951 + 28 = 3.979 hồ sơ"),
    m(Sum, W, "tanha", "mô tô 124 trường hợp", "mô tô 122 trường hợp", 68, "18 + 122 = 140 trường hợp"),
    m(Sum, W, "tanha", "đúng hạn và trước hạn 3.951 hồ sơ, đạt 99,27%, quá hạn 29 hồ sơ, chiếm 0,73%", "đúng hạn 950 hồ sơ, đạt 95%, quá hạn 49 hồ sơ, chiếm 4,9%", 54, "Tổng 3.980 hồ sơ không khớp với các thành phần: 950 + 49 = 999 hồ sơ"),
    m(Sum, E, "tanha", "Công khai 286 thủ tục", "Trong tháng phát sinh 5.000 hồ sơ (3.100 hồ sơ loại A và 1.800 hồ sơ loại B). Công khai 286 thủ tục", 56, "3.100 + 1.800 = 4.900 hồ sơ"),
    m(Sum, W, "tanha", "+ Chưa thu hồi: 230 triệu đồng.", "+ Chưa thu hồi: 130 triệu đồng.", 74, "(dòng 76–78): 620 + 130 = 750 triệu đồng"),
    // count: a list, sub-counts in a footnote, coordinated counts.
    m(Count, E, "tanha", "07 công trình¹", "08 công trình¹", 24, "Ghi 08 công trình nhưng chú thích ¹ (dòng 28) liệt kê 7 mục (đánh số (1) đến (7)). Sửa thành 07 công trình"),
    m(Count, E, "tanha", "12 cơ sở³", "13 cơ sở³", 38, "Ghi 13 cơ sở nhưng chú thích ³ (dòng 40) kê 08 + 03 + 01 = 12 cơ sở. Sửa thành 12 cơ sở"),
    m(Count, E, "tanha", "02 đơn vị thuộc khối Kinh tế", "03 đơn vị thuộc khối Kinh tế", 58, "Ghi 10 đơn vị nhưng chú thích ⁵ (dòng 62) kê 06 + 03 + 02 = 11 đơn vị"),
    m(Count, W, "tanha", "05 văn bản⁴", "06 văn bản⁴", 58, "Chú thích ⁴ (dòng 60) liệt kê 8 mục (ngăn cách bằng dấu «;»), không khớp với 06 văn bản cũng không khớp với tổng 03 + 06 = 9"),
    m(Count, W, "tanha", "; Thông báo số 96/TB-UBND ngày 20/10/2025", "", 58, "liệt kê 7 mục (ngăn cách bằng dấu «;»), không khớp với 05 văn bản cũng không khớp với tổng 03 + 05 = 8"),
    // number-format: amounts still checked next to codes and names.
    m(NumberFormat, E, "tanha", "18.640 triệu đồng", "18.6400 triệu đồng", 16, "Số «18.6400» viết sai"),
    m(NumberFormat, E, "tanha", "phạt tiền 186.750.000 đồng", "phạt tiền 186.7500.000 đồng", 68, "Nếu là số nguyên, viết 1.867.500.000"),
    // heading: an item, a part and a point skipped.
    m(Heading, E, "tanha", "6. Quốc phòng, an ninh trật tự", "7. Quốc phòng, an ninh trật tự", 64, "Đề mục «7.» đứng sau mục «5.»: thiếu mục «6.»"),
    m(Heading, E, "tanha", "II. HẠN CHẾ, KHÓ KHĂN", "Những hạn chế, khó khăn", 84, "thiếu phần «II.»"),
    // A budget report: shares after the total's own percentage, other claims.
    m(Percent, E, "phuctho", "(chiếm 4,97%)", "(chiếm 5,97%)", 16, "Tỷ lệ trên tổng 9.860 triệu đồng: 490/9.860 = 4,97%, không phải 5,97%"),
    m(Percent, E, "phuctho", "(chiếm 30%)", "(chiếm 31%)", 16, "2.958/9.860 = 30,00%, không phải 31%"),
    m(Percent, E, "phuctho", "tương ứng 87,17%", "tương ứng 78,17%", 18, "1.046/1.200 = 87,17%, không phải 78,17%"),
    m(Percent, E, "phuctho", "(đạt 78,41%)", "(đạt 74,81%)", 18, "3.215/4.100 = 78,41%, không phải 74,81%"),
    m(Percent, E, "phuctho", "= 69,42%", "= 64,92%", 20, "286/412 = 69,42%, không phải 64,92%"),
    m(Percent, E, "phuctho", "đạt 62% kế hoạch", "đạt 26% kế hoạch", 28, "22.630/36.500 = 62,00%, không phải 26%"),
    m(Sum, W, "phuctho", "chi thường xuyên 6.080 triệu đồng", "chi thường xuyên 6.180 triệu đồng", 24, "2.650 + 6.180 = 8.830 triệu đồng"),
    m(Sum, E, "phuctho", "+ Do điều chỉnh thiết kế: 02 dự án.", "+ Do điều chỉnh thiết kế: 03 dự án.", 38, "(dòng 40–42): 03 + 03 = 06 dự án"),
    m(Sum, W, "phuctho", "+ Đã thanh toán: 3.870 triệu đồng.", "+ Đã thanh toán: 3.780 triệu đồng.", 46, "(dòng 48–50): 3.780 + 450 = 4.230 triệu đồng"),
    m(Count, E, "phuctho", "09 dự án¹", "10 dự án¹", 30, "Ghi 10 dự án nhưng chú thích ¹ (dòng 32) liệt kê 9 mục (đánh số (1) đến (9)). Sửa thành 9 dự án"),
    m(Count, E, "phuctho", "04 dự án²", "05 dự án²", 30, "Ghi 05 dự án nhưng chú thích ² (dòng 34) liệt kê 4 mục (ngăn cách bằng dấu «;»). Sửa thành 04 dự án"),
    m(Count, E, "phuctho", "08 chủ đầu tư³", "09 chủ đầu tư³", 30, "Ghi 09 chủ đầu tư nhưng chú thích ³ (dòng 36) kê 05 + 03 = 08 chủ đầu tư. Sửa thành 08 chủ đầu tư"),
    // empty-section: a heading split so that its first half has nothing under it.
    m(EmptySection, W, "001", "c) Công tác y tế, các chính sách xã hội", "c) Công tác y tế\n\nd) Các chính sách xã hội", 105, "Mục «c) Công tác y tế» chưa có nội dung"),
    m(EmptySection, W, "tanha", "6. Quốc phòng, an ninh trật tự\n\nTrong tháng,", "6. Quốc phòng, an ninh trật tự\n\n6.1. Quốc phòng\n\n6.2. An ninh trật tự\n\nTrong tháng,", 66, "Mục «6.1. Quốc phòng» chưa có nội dung"),
    m(Heading, E, "001", "c) Công tác y tế, các chính sách xã hội", "c) Công tác y tế\n\nNội dung.\n\nd) Các chính sách xã hội\n\nNội dung.\n\ne) Công tác lao động", 113, "thiếu điểm «đ)»"),
];

fn matches(f: &Finding, mu: &Mutation) -> bool {
    f.rule == mu.rule && f.line == Some(mu.line) && f.message.contains(mu.expected)
}

#[test]
fn every_rule_finds_a_seed_sentence_made_wrong() {
    for rule in Rule::ALL.iter().filter(|r| **r != Rule::Stale) {
        assert!(
            MUTATIONS.iter().any(|mu| mu.rule == *rule),
            "no mutation for {rule}"
        );
    }
    let mut failures = Vec::new();
    for mu in MUTATIONS {
        let text = seed(mu.seed);
        assert_eq!(
            text.matches(mu.original).count(),
            1,
            "«{}» must stand once in seed {}",
            mu.original,
            mu.seed
        );
        assert!(
            !findings(text).iter().any(|f| matches(f, mu)),
            "seed {} as written already reports «{}»",
            mu.seed,
            mu.expected
        );
        let mutated = text.replacen(mu.original, mu.replacement, 1);
        let found = findings(&mutated);
        match found.iter().find(|f| matches(f, mu)) {
            Some(f) if f.severity == mu.severity => {}
            Some(f) => failures.push(format!(
                "{} «{}»: severity {:?}, expected {:?}",
                mu.rule, mu.replacement, f.severity, mu.severity
            )),
            None => {
                let of_rule: Vec<String> = found
                    .iter()
                    .filter(|f| f.rule == mu.rule)
                    .map(|f| format!("{:?}: {}", f.line, f.message))
                    .collect();
                failures.push(format!(
                    "{} «{}» → «{}» (seed {}): expected line {} «{}»; found {of_rule:#?}",
                    mu.rule, mu.original, mu.replacement, mu.seed, mu.line, mu.expected
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The incremental checker, fed the seeds and then each mutation in turn (one
/// paragraph changed at a time), gives exactly what a full run gives.
#[test]
fn the_incremental_checker_agrees_with_a_full_run() {
    use baocao_checks::Checker;
    let mut checker = Checker::new();
    for name in ["000", "001"] {
        let r = import_text(seed(name)).unwrap();
        assert_eq!(checker.check(&r), run(&r), "seed {name}");
    }
    for mu in MUTATIONS {
        for text in [
            seed(mu.seed).replacen(mu.original, mu.replacement, 1),
            seed(mu.seed).to_string(),
        ] {
            let r = import_text(&text).unwrap();
            assert_eq!(
                checker.check(&r),
                run(&r),
                "{} «{}»",
                mu.rule,
                mu.replacement
            );
        }
    }
}

/// A paragraph inserted near the top moves every later line: the kept
/// findings of unchanged paragraphs follow their paragraph.
#[test]
fn kept_findings_follow_their_paragraph_when_lines_move() {
    use baocao_checks::Checker;
    let wrong = MAR_2025.replacen("chiếm 2,34%", "chiếm 2,43%", 1);
    let mut checker = Checker::new();
    let before = checker.check(&import_text(&wrong).unwrap());
    let percent_line = |fs: &[Finding]| {
        fs.iter()
            .find(|f| f.rule == Rule::Percent)
            .and_then(|f| f.line)
    };
    assert_eq!(percent_line(&before), Some(149));
    let shifted = wrong.replacen(
        "Rà soát, lập Kế hoạch",
        "Đoạn mới thêm vào.\n\nĐoạn mới thứ hai.\n\nRà soát, lập Kế hoạch",
        1,
    );
    let r = import_text(&shifted).unwrap();
    let after = checker.check(&r);
    assert_eq!(after, run(&r));
    assert_eq!(percent_line(&after), Some(153));
}

/// A draft edited in place (no source lines), as the page does.
#[test]
fn editing_a_draft_in_place_is_checked_like_a_full_run() {
    use baocao_checks::Checker;
    use baocao_model::{Block, Inline};
    let mut r = import_text(MAR_2025).unwrap();
    let mut checker = Checker::new();
    assert_eq!(checker.check(&r), run(&r));
    let kept = checker.kept();
    // Type a wrong percentage into the first paragraph of I.1.
    if let Some(Block::Paragraph(p)) = r.body.sections[0].children[0].blocks.first_mut() {
        p.inlines.push(Inline::text(" Tỷ lệ 11/470 = 3,2%."));
    }
    let after = checker.check(&r);
    assert_eq!(after, run(&r));
    assert!(after
        .iter()
        .any(|f| f.rule == Rule::Percent && f.message.starts_with("11/470 = 2,34%")));
    // The old text of that paragraph is dropped, the new one kept.
    assert_eq!(checker.kept(), kept);
}
