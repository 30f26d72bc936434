//! "Tạo mới từ mẫu": which unit, which report, which period; and the unit
//! profile (cơ quan, địa danh, ký hiệu, Nơi nhận, người ký) kept once in
//! this browser for every new report. The choices and their effects live in
//! `baocao_session::template` and `::profile`; this file holds the form.

use super::state::{this_month, AppState, Tone};
use crate::local_store::LocalStore;
use baocao_drafts::Store;
use baocao_model::{ReportPeriod, Span};
use baocao_session::profile::{UnitKind, UnitProfile, DAMAGED_PROFILE_KEY, PROFILE_KEY};
use baocao_session::template::{deadline_note, ReportKind, Template};
use leptos::prelude::*;

/// The stored profile; a damaged one is set aside (kept under its own key)
/// and replaced by an empty profile, with a message.
fn load_profile(state: AppState) -> UnitProfile {
    let mut store = LocalStore;
    let text = match store.get(PROFILE_KEY) {
        Ok(Some(t)) => t,
        _ => return UnitProfile::default(),
    };
    match UnitProfile::from_json(&text) {
        Ok(p) => p,
        Err(e) => {
            let _ = store.set(DAMAGED_PROFILE_KEY, &text);
            let _ = store.remove(PROFILE_KEY);
            state.say(Tone::Error, e.to_string());
            UnitProfile::default()
        }
    }
}

/// The period kinds the form offers, with their keys.
const SPANS: [(&str, &str); 6] = [
    ("month", "Tháng"),
    ("quarter", "Quý"),
    ("first-half", "6 tháng đầu năm"),
    ("last-half", "6 tháng cuối năm"),
    ("nine", "9 tháng"),
    ("year", "Năm"),
];

fn span_of(key: &str, number: u8) -> Span {
    match key {
        "quarter" => Span::Quarter(number.clamp(1, 4)),
        "first-half" => Span::FirstHalf,
        "last-half" => Span::LastHalf,
        "nine" => Span::NineMonths,
        "year" => Span::Year,
        _ => Span::Month(number.clamp(1, 12)),
    }
}

/// The template chooser and the profile form, in the sidebar.
#[component]
pub fn TemplateChooser() -> impl IntoView {
    let state = expect_context::<AppState>();
    let profile = RwSignal::new(load_profile(state));
    let now = this_month();
    let unit = RwSignal::new(profile.get_untracked().unit);
    let kind = RwSignal::new(ReportKind::usual_for(unit.get_untracked()));
    let span_key = RwSignal::new("month".to_string());
    let number = RwSignal::new(now.month);
    let year = RwSignal::new(now.year);
    let editing = RwSignal::new(false);
    // Saved in another tab, or brought in with a backup: read it again. An
    // open profile form keeps what the official is typing.
    Effect::new(move |first: Option<()>| {
        state.profile_changed.track();
        if first.is_some() {
            let p = load_profile(state);
            if profile.with_untracked(|old| old.unit != p.unit) {
                unit.set(p.unit);
                kind.set(ReportKind::usual_for(p.unit));
            }
            profile.set(p);
        }
    });
    let period = move || ReportPeriod {
        span: span_of(&span_key.get(), number.get()),
        year: year.get(),
    };
    let create = move |_| {
        let t = Template {
            unit: unit.get_untracked(),
            kind: kind.get_untracked(),
            period: period(),
        };
        state.create_from_template(t, &profile.get_untracked());
    };
    let numbers = move || match span_key.get().as_str() {
        "month" => (1..=12u8).map(|m| (m, format!("Tháng {m}"))).collect(),
        "quarter" => ["I", "II", "III", "IV"]
            .iter()
            .enumerate()
            .map(|(i, q)| (i as u8 + 1, format!("Quý {q}")))
            .collect(),
        _ => Vec::new(),
    };
    view! {
        <fieldset class="template-chooser" data-testid="template-chooser">
            <legend>"Tạo mới từ mẫu"</legend>
            <label class="tpl-field">
                <span>"Đơn vị ban hành"</span>
                <select id="tpl-unit" prop:value=move || unit.get().key()
                    on:change=move |ev| {
                        if let Some(u) = UnitKind::from_key(&event_target_value(&ev)) {
                            unit.set(u);
                            kind.set(ReportKind::usual_for(u));
                        }
                    }>
                    {UnitKind::ALL.into_iter().map(|u| view! {
                        <option value=u.key() selected=move || unit.get() == u>{u.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="tpl-field">
                <span>"Loại báo cáo"</span>
                <select id="tpl-kind" prop:value=move || kind.get().key()
                    on:change=move |ev| {
                        if let Some(k) = ReportKind::from_key(&event_target_value(&ev)) {
                            kind.set(k);
                        }
                    }>
                    {ReportKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() selected=move || kind.get() == k>{k.short_label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="tpl-period">
                <label class="tpl-field">
                    <span>"Kỳ báo cáo"</span>
                    <select id="tpl-span" prop:value=move || span_key.get()
                        on:change=move |ev| {
                            let k = event_target_value(&ev);
                            if k == "quarter" {
                                number.set(now.month.div_ceil(3));
                            } else if k == "month" {
                                number.set(now.month);
                            }
                            span_key.set(k);
                        }>
                        {SPANS.into_iter().map(|(k, l)| view! {
                            <option value=k selected=move || span_key.get() == k>{l}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || {
                    let options = numbers();
                    (!options.is_empty()).then(|| view! {
                        <label class="tpl-field">
                            <span>{if span_key.get() == "quarter" { "Quý" } else { "Tháng" }}</span>
                            <select id="tpl-number" prop:value=move || number.get().to_string()
                                on:change=move |ev| {
                                    if let Ok(n) = event_target_value(&ev).parse() {
                                        number.set(n);
                                    }
                                }>
                                {options.into_iter().map(|(n, l)| view! {
                                    <option value=n.to_string() selected=move || number.get() == n>{l}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    })
                }}
                <label class="tpl-field">
                    <span>"Năm"</span>
                    <input id="tpl-year" type="number" min="2000" max="2100" inputmode="numeric"
                        prop:value=move || year.get().to_string()
                        on:change=move |ev| {
                            match event_target_value(&ev).trim().parse::<u16>() {
                                Ok(y) if (2000..=2100).contains(&y) => year.set(y),
                                _ => state.say(Tone::Error, "Năm báo cáo phải là bốn chữ số, từ 2000 đến 2100."),
                            }
                        } />
                </label>
            </div>
            <p class="tpl-deadline hint" role="note" data-testid="tpl-deadline">{move || deadline_note(period())}</p>
            {move || (!profile.with(UnitProfile::is_set)).then(|| view! {
                <p class="hint" data-testid="profile-missing">
                    "Chưa có hồ sơ đơn vị: tên cơ quan, địa danh và người ký để trống cho anh/chị điền. Lưu hồ sơ một lần để mọi báo cáo mới tự điền."
                </p>
            })}
            <button type="button" class="primary" data-testid="new-from-template" on:click=create>
                {move || format!("Tạo mới: {} {}", kind.get().label(), period())}
            </button>
            <button type="button" data-testid="profile-toggle" aria-expanded=move || editing.get().to_string()
                aria-controls="profile-form" on:click=move |_| editing.update(|e| *e = !*e)>
                "Hồ sơ đơn vị…"
            </button>
            <Show when=move || editing.get()>
                <ProfileForm profile=profile on_saved=move |p: UnitProfile| {
                    unit.set(p.unit);
                    kind.set(ReportKind::usual_for(p.unit));
                    editing.set(false);
                } />
            </Show>
        </fieldset>
    }
}

/// The unit profile's fields, filled with the unit kind's conventions where
/// the profile has none; saved in localStorage.
#[component]
fn ProfileForm(
    profile: RwSignal<UnitProfile>,
    on_saved: impl Fn(UnitProfile) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(profile.get_untracked().with_conventions());
    let text = |get: fn(&UnitProfile) -> String, set: fn(&mut UnitProfile, String)| {
        (
            move || draft.with(get),
            move |ev| {
                let v = event_target_value(&ev);
                draft.update(|p| set(p, v));
            },
        )
    };
    let lines = |v: String| -> Vec<String> {
        v.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (parent, on_parent) = text(|p| p.parent_agency.clone(), |p, v| p.parent_agency = v);
    let (issuing, on_issuing) = text(|p| p.issuing_agency.clone(), |p, v| p.issuing_agency = v);
    let (place, on_place) = text(|p| p.place.clone(), |p, v| p.place = v);
    let (code, on_code) = text(|p| p.code.clone(), |p, v| p.code = v);
    let (position, on_position) = text(|p| p.position.clone(), |p, v| p.position = v);
    let (signer, on_signer) = text(|p| p.signer.clone(), |p, v| p.signer = v);
    // The lists are edited as text and split into lines when saved, so an
    // empty line being typed is not taken away under the cursor.
    let recipients = RwSignal::new(draft.with_untracked(|p| p.recipients.join("\n")));
    let authority = RwSignal::new(draft.with_untracked(|p| p.authority.join("\n")));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut p = draft.get_untracked();
        p.recipients = lines(recipients.get_untracked());
        p.authority = lines(authority.get_untracked());
        let mut store = LocalStore;
        match store.set(PROFILE_KEY, &p.to_json()) {
            Ok(()) => {
                profile.set(p.clone());
                state.say(
                    Tone::Info,
                    "Đã lưu hồ sơ đơn vị trong trình duyệt này. Các báo cáo tạo mới từ mẫu sẽ dùng hồ sơ này; báo cáo đã có không thay đổi.",
                );
                on_saved(p);
            }
            Err(e) => state.say(
                Tone::Error,
                format!("Chưa lưu được hồ sơ đơn vị: {e}. Hồ sơ vẫn còn trên trang này."),
            ),
        }
    };
    view! {
        <form id="profile-form" class="profile-form" data-testid="profile-form" on:submit=save>
            <p class="hint">"Hồ sơ dùng cho mọi báo cáo mới của đơn vị, chỉ lưu trong trình duyệt này. Mỗi giá trị vẫn sửa được trong từng báo cáo."</p>
            <label class="tpl-field">
                <span>"Loại đơn vị"</span>
                <select id="profile-unit" prop:value=move || draft.with(|p| p.unit.key())
                    on:change=move |ev| {
                        if let Some(u) = UnitKind::from_key(&event_target_value(&ev)) {
                            // The conventions follow the kind; the names stay.
                            draft.update(|p| {
                                *p = UnitProfile {
                                    unit: u,
                                    authority: Vec::new(),
                                    position: String::new(),
                                    code: String::new(),
                                    recipients: Vec::new(),
                                    ..p.clone()
                                }
                                .with_conventions();
                            });
                            recipients.set(draft.with_untracked(|p| p.recipients.join("\n")));
                            authority.set(draft.with_untracked(|p| p.authority.join("\n")));
                        }
                    }>
                    {UnitKind::ALL.into_iter().map(|u| view! {
                        <option value=u.key() selected=move || draft.with(|p| p.unit == u)>{u.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="tpl-field"><span>"Cơ quan chủ quản"</span>
                <input id="profile-parent" type="text" placeholder="UBND TỈNH … (với sở, ban, ngành)" prop:value=parent on:input=on_parent /></label>
            <label class="tpl-field"><span>"Cơ quan ban hành (mỗi dòng một dòng)"</span>
                <textarea id="profile-issuing" rows="2" placeholder="ỦY BAN NHÂN DÂN\nXÃ …" prop:value=issuing on:input=on_issuing></textarea></label>
            <label class="tpl-field"><span>"Địa danh"</span>
                <input id="profile-place" type="text" placeholder="tên tỉnh hoặc xã, phường" prop:value=place on:input=on_place /></label>
            <label class="tpl-field"><span>"Ký hiệu"</span>
                <input id="profile-code" type="text" placeholder="BC-UBND, BC-SNV…" prop:value=code on:input=on_code /></label>
            <label class="tpl-field"><span>"Nơi nhận (mỗi dòng một nơi)"</span>
                <textarea id="profile-recipients" rows="5" prop:value=move || recipients.get()
                    on:input=move |ev| recipients.set(event_target_value(&ev))></textarea></label>
            <label class="tpl-field"><span>"Quyền hạn ký (mỗi dòng một dòng)"</span>
                <textarea id="profile-authority" rows="2" placeholder="TM. ỦY BAN NHÂN DÂN" prop:value=move || authority.get()
                    on:input=move |ev| authority.set(event_target_value(&ev))></textarea></label>
            <label class="tpl-field"><span>"Chức vụ"</span>
                <input id="profile-position" type="text" placeholder="CHỦ TỊCH" prop:value=position on:input=on_position /></label>
            <label class="tpl-field"><span>"Người ký"</span>
                <input id="profile-signer" type="text" placeholder="Họ và tên" prop:value=signer on:input=on_signer /></label>
            <button type="submit" class="primary" data-testid="profile-save">"Lưu hồ sơ đơn vị"</button>
        </form>
    }
}
