//! An organisation's members: their roles, and for owners the invitations, changing roles and
//! removing people; and the page an invitation link opens, where the invited person accepts.

use crate::api::organisations::{
    AcceptInvitation, GetInvitation, Invite, Members, MembersPage, RevokeInvitation, SetMemberRole,
};
use crate::api::pages::Page;
use crate::domain::OrgRole;
use crate::domain::organisation::InvitationState;
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::field::field_message;
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, use_org};
use crate::ui::components::status::{ErrorMessage, Load, Loading, Write, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// `/business/:org/members`.
#[component]
pub fn MembersListPage() -> impl IntoView {
    view! { <RequireSignIn><Members/></RequireSignIn> }
}

#[component]
fn Members() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let page = Load::ask(move || Members {
        organisation_id: org.get(),
    });
    // Kept here, above the list that is read again after each change, so it stays shown.
    let link = RwSignal::new(None::<String>);
    view! {
        <DynamicHeading text=Signal::derive(move || Text::of(i18n.lang()).biz_members.to_string())/>
        <OrgNav org/>
        {loaded_in_place(page, move |p| view! { <MembersBody page=p link on_change=move || page.refetch()/> }.into_any())}
    }
}

#[component]
fn MembersBody(
    page: MembersPage,
    link: RwSignal<Option<String>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let owner = page.organisation.role.may_manage();
    let change = Write::new();
    let revoke = Write::new();
    Effect::new(move |_| {
        if matches!(change.value().get(), Some(Ok(_)))
            || matches!(revoke.value().get(), Some(Ok(_)))
        {
            on_change();
        }
    });
    let set_role = move |user_id: String, role: String| {
        change.dispatch(SetMemberRole {
            organisation_id: org.get_untracked(),
            user_id,
            role,
        });
    };
    let members = page.members.clone();
    let table = move || {
        let t = Text::of(i18n.lang());
        let rows = members
            .iter()
            .map(|m| {
                let who = if m.is_me {
                    format!("{} {}", m.email, t.you_label)
                } else {
                    m.email.clone()
                };
                vec![Cell::Text(who), Cell::Text(t.org_role(m.role).into())]
            })
            .collect();
        view! { <DataTable headings=vec![(t.email, false), (t.field_role, false)] rows/> }
            .into_any()
    };
    // Owners change a role with a select and a button per member, or remove them.
    let controls = owner.then(|| {
        let rows = page
            .members
            .iter()
            .map(|m| {
                let id = m.user_id.to_string();
                let email = m.email.clone();
                let role = RwSignal::new(m.role.as_str().to_string());
                let (id2, email2, email3) = (id.clone(), email.clone(), email.clone());
                let select_id = format!("role-{id}");
                let options = move || {
                    let t = Text::of(i18n.lang());
                    OrgRole::ALL
                        .iter()
                        .map(|r| {
                            view! { <option value=r.as_str() selected=move || role.get() == r.as_str()>{t.org_role(*r)}</option> }
                        })
                        .collect_view()
                };
                view! {
                    <li class="form-row">
                        <div class="field">
                            <label for=select_id.clone()>{move || (Text::of(i18n.lang()).role_of)(&email2)}</label>
                            <select id=select_id on:change=move |ev| role.set(event_target_value(&ev))>{options}</select>
                        </div>
                        <div class="wizard-buttons">
                            <button type="button" class="button" on:click={
                                let id = id.clone();
                                move |_| set_role(id.clone(), role.get_untracked())
                            }><Tr s=|l| Text::of(l).change_role/></button>
                            <button type="button" class="button" on:click=move |_| set_role(id2.clone(), "none".into())>
                                {move || (Text::of(i18n.lang()).remove_member)(&email3)}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="roles-heading">
                <h2 id="roles-heading"><Tr s=|l| Text::of(l).change_role/></h2>
                {move || change.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                <ul class="plain-list">{rows}</ul>
            </section>
        }
    });
    let invitations = page.invitations.clone();
    let invitations = owner.then_some({
        move || {
            let t = Text::of(i18n.lang());
            let rows = invitations
                .iter()
                .map(|i| {
                    vec![
                        Cell::Text(i.email.clone()),
                        Cell::Text(t.org_role(i.role).into()),
                        Cell::Text(t.invitation_state(i.state).into()),
                        Cell::Text((t.time)(i.expires_at)),
                    ]
                })
                .collect::<Vec<_>>();
            let pending = invitations
                .iter()
                .filter(|i| i.state == InvitationState::Pending)
                .map(|i| {
                    let id = i.id.to_string();
                    let label = format!("{} {}", t.withdraw, i.email);
                    view! {
                        <li><button type="button" class="button" on:click=move |_| {
                            revoke.dispatch(RevokeInvitation { organisation_id: org.get_untracked(), invitation_id: id.clone() });
                        }>{label}</button></li>
                    }
                })
                .collect_view();
            (!rows.is_empty()).then(|| view! {
                <section aria-labelledby="invitations-heading">
                    <h2 id="invitations-heading">{t.invitations_title}</h2>
                    <DataTable headings=vec![(t.email, false), (t.field_role, false), (t.status, false), (t.col_expires, false)] rows cards=true/>
                    <ul class="plain-list">{pending}</ul>
                </section>
            })
        }
    });
    view! {
        {(!owner).then(|| view! { <p class="muted"><Tr s=|l| Text::of(l).read_only_role/></p> })}
        {table}
        {controls}
        {owner.then(|| view! { <InviteForm link on_sent=on_change/> })}
        {invitations}
    }
}

/// Owners invite someone by email with a role; the link is shown to pass on.
#[component]
fn InviteForm(
    link: RwSignal<Option<String>>,
    on_sent: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let action = Write::<crate::api::organisations::Invitation>::new();
    let result = action.value();
    Effect::new(move |_| {
        if let Some(Ok(invitation)) = result.get() {
            link.set(invitation.link);
            on_sent();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, role] = crate::ui::browser::form_values(&ev, ["email", "role"]);
        action.dispatch(Invite {
            organisation_id: org.get_untracked(),
            email,
            role,
        });
    };
    let roles = move || {
        let t = Text::of(i18n.lang());
        OrgRole::ALL
            .iter()
            .map(|r| view! { <option value=r.as_str() selected=*r == OrgRole::Viewer>{t.org_role(*r)}</option> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading"><Tr s=|l| Text::of(l).invite_title/></h2>
            <p class="muted"><Tr s=|l| Text::of(l).invite_help/></p>
            {action.refusal()}
            <form on:submit=submit novalidate>
                <div class="form-row">
                    <crate::ui::components::field::TextField
                        name="email"
                        label=|l| Text::of(l).email
                        input_type="email"
                        autocomplete="off"
                        error=Signal::derive(move || result.with(|r| field_message(r, crate::domain::Field::Email)))
                    />
                    <div class="field">
                        <label for="invite-role"><Tr s=|l| Text::of(l).field_role/></label>
                        <select id="invite-role" name="role">{roles}</select>
                    </div>
                </div>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    <Tr s=|l| Text::of(l).send_invitation/>
                </button>
            </form>
            <div role="status">
                {move || link.get().map(|link| view! {
                    <p><label for="invitation-link">{Text::of(i18n.lang()).invitation_link}</label></p>
                    <input id="invitation-link" class="mono" type="text" readonly value=link/>
                })}
            </div>
        </section>
    }
}

/// `/business/join/:token`: the invited person reads the offer and accepts it.
#[component]
pub fn JoinPage() -> impl IntoView {
    view! { <RequireSignIn><Join/></RequireSignIn> }
}

#[component]
fn Join() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let offer = Load::ask(move || GetInvitation { token: token() });
    let accept = Write::<crate::api::organisations::Membership>::new();
    Effect::new(move |_| {
        if let Some(Ok(m)) = accept.value().get() {
            // The header's switcher knows the new organisation at once.
            session.me.update(|me| {
                if let Some(me) = me
                    && !me
                        .organisations
                        .iter()
                        .any(|o| o.organisation_id == m.organisation_id)
                {
                    me.organisations.push(m.clone());
                }
            });
        }
    });
    let body = move || {
        let t = Text::of(i18n.lang());
        if let Some(Ok(m)) = accept.value().get() {
            return view! {
                <p class="success" role="status">{(t.joined)(&m.name)}</p>
                <p><a class="button button-primary" href=Page::OrgDashboard(m.organisation_id).href()>{t.open_dashboard}</a></p>
            }
            .into_any();
        }
        match offer.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <ErrorMessage error/> }.into_any(),
            Some(Ok(p)) => {
                let offer_text = (t.join_offer)(&p.organisation_name, t.org_role(p.role));
                let what = if p.state != InvitationState::Pending {
                    view! { <p class="error" role="alert">{t.join_gone}</p> }.into_any()
                } else if !p.for_me {
                    view! { <p class="error" role="alert">{(t.join_not_for_me)(&p.email)}</p> }
                        .into_any()
                } else {
                    view! {
                        {move || accept.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                        <button type="button" class="button button-primary" disabled=move || accept.pending().get()
                            on:click=move |_| { accept.dispatch(AcceptInvitation { token: token() }); }>
                            {t.accept_invitation}
                        </button>
                    }
                    .into_any()
                };
                view! {
                    <p>{offer_text}</p>
                    <p class="muted">{format!("{}{}{}", t.col_expires, t.colon, (t.time)(p.expires_at))}</p>
                    {what}
                }
                .into_any()
            }
        }
    };
    view! {
        <PageHeading text=|l| Text::of(l).join_title/>
        {body}
    }
}

crate::ui::i18n::strings! {
    change_role: &'static str = "Change role", "修改角色";
    remove_member: fn(&str) -> String = |e| format!("Remove {e}"), |e| format!("移除 {e}");
    role_of: fn(&str) -> String = |e| format!("Role of {e}"), |e| format!("{e} 的角色");
    you_label: &'static str = "(you)", "（您）";
    invite_title: &'static str = "Invite someone", "邀请成员";
    invite_help: &'static str =
        "We email them a link; it works once, for that address, for 7 days.",
        "我们会通过邮件发送邀请链接；链接仅限该邮箱使用一次，7 天内有效。";
    send_invitation: &'static str = "Send invitation", "发送邀请";
    invitation_link: &'static str =
        "Invitation link (pass it on yourself if the email does not arrive)",
        "邀请链接（如未收到邮件，可自行转发）";
    invitations_title: &'static str = "Invitations", "邀请记录";
    inv_pending: &'static str = "Pending", "待接受";
    inv_accepted: &'static str = "Accepted", "已接受";
    inv_revoked: &'static str = "Withdrawn", "已撤回";
    inv_expired: &'static str = "Expired", "已过期";
    withdraw: &'static str = "Withdraw", "撤回";
    col_expires: &'static str = "Expires", "有效期至";
    join_title: &'static str = "Invitation", "加入邀请";
    join_offer: fn(&str, &str) -> String =
        |org, role| format!("{org} invites you to join as {role}."),
        |org, role| format!("{org} 邀请您以“{role}”身份加入。");
    join_not_for_me: fn(&str) -> String =
        |email| {
            format!("This invitation is for {email}. Sign in with that address to accept it.")
        },
        |email| format!("该邀请发给 {email}，请使用该邮箱登录后接受。");
    join_gone: &'static str =
        "This invitation was used, withdrawn or has expired. Ask the owner for a new one.",
        "该邀请已被使用、撤回或已过期，请联系所有者重新邀请。";
    accept_invitation: &'static str = "Accept invitation", "接受邀请";
    joined: fn(&str) -> String =
        |org| format!("You are now a member: {org}"),
        |org| format!("您已加入 {org}。");
}

impl Text {
    /// Where an invitation stands.
    pub fn invitation_state(
        &self,
        s: crate::domain::organisation::InvitationState,
    ) -> &'static str {
        use crate::domain::organisation::InvitationState as S;
        match s {
            S::Pending => self.inv_pending,
            S::Accepted => self.inv_accepted,
            S::Revoked => self.inv_revoked,
            S::Expired => self.inv_expired,
        }
    }
}
