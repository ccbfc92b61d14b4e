//! Demo data, seeded only in demo mode and only once: a household, an enterprise with three
//! sites, and two staff logins, with bills priced by the real tariff engine.

use crate::domain::local_time::zone as utility_zone;
use crate::domain::{
    AccountNumber, AreaClass, CustomerCategory, EmailAddress, Fen, KilowattHours, OrgRole, Role,
    RowId, Tariff, Usage,
};
use crate::server::auth::hash_password;
use crate::server::clock::Clock;
use crate::server::store::bills::{insert_bill, insert_payment, tariff};
use crate::server::store::{NewBill, NewServiceAccount, Store, StoreError, accounts, users};
use chrono::{Datelike, Days, Months, NaiveDate, TimeZone};
use sqlx::{AnyConnection, Row};

/// The demo logins: email, password, what the login shows.
pub const DEMO_LOGINS: [(&str, &str, &str); 4] = [
    (
        "resident@example.com",
        "demo-resident-2026",
        "household, 36 months of bills",
    ),
    (
        "ops@example.com",
        "demo-enterprise-2026",
        "owner of Harbor Foods Ltd., 3 sites",
    ),
    ("agent@example.com", "demo-agent-2026", "staff agent"),
    (
        "supervisor@example.com",
        "demo-supervisor-2026",
        "staff supervisor",
    ),
];

/// The demo staff logins' second factor, already set up (demo mode only), so a tester can
/// compute codes with any TOTP tool (`oathtool --totp -b SECRET`) or authenticator app.
pub const DEMO_STAFF_TOTP: [(&str, &str); 2] = [
    ("agent@example.com", "GRIDCAREDEMOAGENTSECRETKEY234567"),
    ("supervisor@example.com", "GRIDCAREDEMOSUPERVISORSECRET2345"),
];

/// The unbound demo account a signed-in person can bind with phone digits `8821`.
pub const SPARE_ACCOUNT: &str = "3100765432";

/// Seeds the demo data unless it is there already; returns whether it seeded.
pub async fn demo(store: &Store, clock: &dyn Clock) -> Result<bool, StoreError> {
    let first = EmailAddress::parse(DEMO_LOGINS[0].0).map_err(bad)?;
    if store.user_with_hash(&first).await?.is_some() {
        return Ok(false);
    }
    let mut hashes = Vec::with_capacity(DEMO_LOGINS.len());
    for (_, password, _) in DEMO_LOGINS {
        hashes.push(
            hash_password(password)
                .await
                .map_err(|e| bad(e.to_string()))?,
        );
    }
    let now = clock.unix();
    let today = clock.today();
    let mut tx = store.pool().begin().await?;
    let conn: &mut AnyConnection = &mut tx;
    let mut ids = Vec::new();
    let people = [
        ("Li Wei", Role::Customer),
        ("Chen Jing", Role::Customer),
        ("Wang Fang", Role::StaffAgent),
        ("Zhao Min", Role::StaffSupervisor),
    ];
    for (((email, _, _), hash), (name, role)) in DEMO_LOGINS.iter().zip(&hashes).zip(people) {
        let email = EmailAddress::parse(email).map_err(bad)?;
        let user = users::insert_user(conn, &email, hash, name, role, true, now)
            .await?
            .ok_or_else(|| bad(format!("{email} exists already")))?;
        if let Some((_, secret)) = DEMO_STAFF_TOTP.iter().find(|(e, _)| *e == email.as_str()) {
            sqlx::query("UPDATE users SET totp_secret = $1, totp_enabled_at = $2 WHERE id = $3")
                .bind(*secret)
                .bind(now)
                .bind(user.id)
                .execute(&mut *conn)
                .await?;
        }
        ids.push(user.id);
    }
    let (resident, ops) = (ids[0], ids[1]);

    let home = Site {
        number: "3100123456",
        holder: "Li Wei",
        phone: "13800005678",
        address: "Flat 1202, Building 3, 88 Riverside Road, Pudong, Shanghai",
        area: AreaClass::Urban,
        category: CustomerCategory::Residential,
        tariff: "RES-TIER-Y",
        months: 36,
        smart: true,
        profile: Profile::Household,
        organisation: None,
        site_name: None,
    };
    let id = home.create(conn, today, now).await?;
    accounts::insert_holder(conn, id, resident, now).await?;

    let spare = Site {
        number: SPARE_ACCOUNT,
        holder: "Li Wei",
        phone: "13912348821",
        address: "No. 7 Orchard Lane, Qingpu Village, Shanghai",
        area: AreaClass::Rural,
        category: CustomerCategory::Residential,
        tariff: "RES-TIER-M",
        months: 12,
        smart: false,
        profile: Profile::SmallHousehold,
        organisation: None,
        site_name: None,
    };
    let spare_id = spare.create(conn, today, now).await?;
    prepaid_top_up(conn, spare_id, now).await?;

    let org = users::insert_organisation(conn, "Harbor Foods Ltd.", now).await?;
    users::insert_member(conn, org, ops, OrgRole::Owner).await?;
    let sites = [
        (
            "3200000001",
            "Central Kitchen",
            "1 Harbor Industrial Park, Minhang, Shanghai",
            CustomerCategory::BusinessHighVoltage,
            "BIZ-TOU",
            Profile::Kitchen,
            &["Production"][..],
        ),
        (
            "3200000002",
            "Harbor Road Store",
            "215 Harbor Road, Huangpu, Shanghai",
            CustomerCategory::BusinessLowVoltage,
            "BIZ-FLAT",
            Profile::Store,
            &["Retail", "Puxi"][..],
        ),
        (
            "3200000003",
            "Cold Storage Warehouse",
            "9 Logistics Avenue, Baoshan, Shanghai",
            CustomerCategory::BusinessLowVoltage,
            "BIZ-FLAT",
            Profile::Warehouse,
            &["Logistics"][..],
        ),
    ];
    for (number, name, address, category, tariff_code, profile, labels) in sites {
        let site = Site {
            number,
            holder: "Harbor Foods Ltd.",
            phone: "02155501234",
            address,
            area: AreaClass::Urban,
            category,
            tariff: tariff_code,
            months: 36,
            // The Central Kitchen has a smart meter; the others are read once a month.
            smart: matches!(profile, Profile::Kitchen),
            profile,
            organisation: Some(org),
            site_name: Some(name),
        }
        .create(conn, today, now)
        .await?;
        for label in labels {
            sqlx::query("INSERT INTO site_labels (service_account_id, label) VALUES ($1, $2)")
                .bind(site)
                .bind(label)
                .execute(&mut *conn)
                .await?;
        }
    }
    tx.commit().await?;
    connections(store, clock, &ids).await?;
    repairs(store, clock, &ids).await?;
    history(store, clock, &ids).await?;
    Ok(true)
}

/// Twelve months of finished repairs, complaints and their ratings, so the supervisor's
/// dashboard has shape: mostly on time, some late arrivals (more in the rural area), some slow
/// complaint replies, and stars that follow how the job went.
async fn history(store: &Store, clock: &dyn Clock, ids: &[i64]) -> Result<(), StoreError> {
    use crate::domain::feedback::{
        ComplaintDeadlines, FeedbackAction, FeedbackKind, FeedbackState, JobKind,
    };
    use crate::domain::repair::{FaultKind, TicketAction, TicketState};
    use crate::server::store::feedback::{FeedbackMove, JobOwner, NewFeedback};
    use crate::server::store::repairs::{NewTicket, TicketChange};
    let (resident, ops, agent) = (ids[0], ids[1], ids[2]);
    let write = |e: crate::server::store::StoreError| bad(e.to_string());
    let fwrite = |e: crate::server::store::StoreError| bad(e.to_string());
    let limits = store.repair_limits().await?;
    let complaint_limits = store.complaint_limits().await?;
    let cal = store.working_calendar().await?;
    let now = clock.unix();
    // (reporter, account, minutes to arrive, minutes to restore after arrival)
    let sites = [
        (
            resident,
            demo_account(store, "3100123456").await?,
            [25, 40, 30, 55],
            [90, 150, 200, 60],
        ),
        (
            resident,
            demo_account(store, SPARE_ACCOUNT).await?,
            [70, 100, 80, 120],
            [180, 260, 200, 230],
        ),
        (
            ops,
            demo_account(store, "3200000002").await?,
            [35, 30, 50, 20],
            [120, 170, 240, 45],
        ),
    ];
    let kinds = [
        FaultKind::NoPower,
        FaultKind::Voltage,
        FaultKind::PartialLoss,
        FaultKind::DamagedEquipment,
    ];
    let mut n = 0usize;
    for month in 1..=12i64 {
        for (site, (reporter, (acc, area_class, category), arrive, restore)) in
            sites.iter().enumerate()
        {
            n += 1;
            let at = now - month * 30 * 86_400 + (site as i64) * 5 * 86_400 + 3 * 3600;
            let area_class = *area_class;
            let key = format!("demo-history-{n}");
            let new = NewTicket {
                reporter_id: *reporter,
                service_account_id: *acc,
                kind: kinds[n % kinds.len()],
                description: "Reported through the hotline.",
                contact_phone: "13800005678",
                danger: false,
                photo_id: None,
                area_class,
                idempotency_key: &key,
            };
            let year = chrono::Datelike::year(
                &crate::domain::local_time::zone()
                    .timestamp_opt(at, 0)
                    .single()
                    .map(|t| t.date_naive())
                    .unwrap_or(clock.today()),
            );
            let (id, _) = store
                .create_ticket(&new, &limits, year, at)
                .await
                .map_err(write)?;
            let a = i64::from(arrive[n % 4]);
            let r = a + i64::from(restore[n % 4]);
            let mut state = TicketState::Reported;
            for (action, minute) in [
                (TicketAction::Dispatch, 5),
                (TicketAction::Depart, 8),
                (TicketAction::Arrive, a),
                (TicketAction::Restore, r),
                (TicketAction::Close, r + 30),
            ] {
                let to = state.after(action).map_err(|e| bad(e.to_string()))?;
                let change = TicketChange {
                    crew: (action == TicketAction::Dispatch).then_some("Crew 1"),
                    eta_at: (action == TicketAction::Dispatch).then_some(at + a * 60),
                    outage_id: None,
                    note: "",
                };
                store
                    .move_ticket(
                        id,
                        state,
                        to,
                        action,
                        &change,
                        agent,
                        true,
                        at + minute * 60,
                        &[],
                    )
                    .await
                    .map_err(write)?;
                state = to;
            }
            // Stars follow the job: a late crew or a long wait costs stars; a few never rate.
            let late = a > i64::from(limits.arrival_minutes(area_class));
            let slow = r - a > i64::from(limits.restoration_minutes(area_class));
            let stars = match (late, slow, n % 5) {
                (_, _, 4) => None,
                (true, true, _) => Some(1),
                (true, false, _) | (false, true, _) => Some(3),
                (false, false, 0) => Some(4),
                (false, false, _) => Some(5),
            };
            if let Some(stars) = stars {
                let owner = JobOwner {
                    customer_id: *reporter,
                    finished: true,
                    area_class: area_class.as_str().to_string(),
                    category: category.clone(),
                };
                store
                    .insert_rating(
                        JobKind::Repair,
                        id,
                        &owner,
                        stars,
                        "speed",
                        "",
                        at + (r + 90) * 60,
                    )
                    .await?;
            }
        }
        // One complaint a month from the household; every third reply comes late.
        let received = now - month * 30 * 86_400 + 10 * 86_400;
        let day = crate::domain::local_time::zone()
            .timestamp_opt(received, 0)
            .single()
            .map(|t| t.date_naive())
            .unwrap_or(clock.today());
        let deadlines = ComplaintDeadlines::from(day, &complaint_limits, &cal);
        let key = format!("demo-complaint-{month}");
        let new = NewFeedback {
            customer_id: resident,
            kind: FeedbackKind::Complaint,
            topic: if month % 2 == 0 {
                "billing"
            } else {
                "meter_reading"
            },
            service_account_id: None,
            job: None,
            body: "The bill looks higher than usual; please check the reading.",
            area_class: "urban",
            attachments: &[],
            idempotency_key: &key,
        };
        let (id, _) = store
            .create_feedback(&new, Some(deadlines), day, received)
            .await
            .map_err(fwrite)?;
        let reply_after = if month % 3 == 0 { 6 } else { 2 };
        let steps = [
            (
                FeedbackState::Open,
                FeedbackState::Contacted,
                FeedbackAction::LogContact,
                0,
                "Called the customer.",
            ),
            (
                FeedbackState::Contacted,
                FeedbackState::Answered,
                FeedbackAction::Reply,
                reply_after,
                "The reading was checked and is correct; the winter heating explains the rise.",
            ),
            (
                FeedbackState::Answered,
                FeedbackState::Closed,
                FeedbackAction::Satisfied,
                reply_after + 1,
                "",
            ),
        ];
        for (from, to, action, after, note) in steps {
            let on = cal.add_working_days(day, after);
            let mv = FeedbackMove {
                from,
                to,
                action,
                actor_id: if action.by_staff() { agent } else { resident },
                note,
                today: on,
                now: received + i64::from(after) * 86_400 + 3600,
                reopened: None,
            };
            store.move_feedback(id, &mv, &[]).await.map_err(fwrite)?;
        }
        let owner = JobOwner {
            customer_id: resident,
            finished: true,
            area_class: "urban".into(),
            category: new.topic.to_string(),
        };
        let stars = if reply_after > 4 { 2 } else { 4 };
        store
            .insert_rating(
                JobKind::Complaint,
                id,
                &owner,
                stars,
                "explanation",
                "",
                received + (i64::from(reply_after) + 2) * 86_400,
            )
            .await?;
    }
    Ok(())
}

/// Supply areas, outage notices and repair tickets: a grid fault over the Harbor Road Store now,
/// planned work in the household's area next week, and tickets in several states, one of
/// them past its arrival deadline.
async fn repairs(store: &Store, clock: &dyn Clock, ids: &[i64]) -> Result<(), StoreError> {
    use crate::domain::repair::{FaultKind, OutageDraft, OutageKind, TicketAction};
    use crate::server::store::repairs::{NewTicket, TicketChange};
    let (resident, ops, agent) = (ids[0], ids[1], ids[2]);
    let now = clock.unix();
    let year = chrono::Datelike::year(&clock.today());
    let areas = [
        ("3100123456", "Pudong Riverside"),
        (SPARE_ACCOUNT, "Qingpu Village"),
        ("3200000001", "Minhang Harbor Park"),
        ("3200000002", "Huangpu Harbor Road"),
        ("3200000003", "Baoshan Logistics"),
    ];
    for (number, area) in areas {
        sqlx::query("UPDATE service_accounts SET supply_area = $1 WHERE account_number = $2")
            .bind(area)
            .bind(number)
            .execute(store.pool())
            .await?;
    }
    let fault = OutageDraft {
        kind: OutageKind::GridFault,
        area: "Huangpu Harbor Road".into(),
        starts_at: now - 40 * 60,
        expected_end: now + 3 * 3600,
        reason: "Cable fault on the 10 kV Harbor Road feeder; crews are repairing it.".into(),
    };
    store
        .create_outage(&fault, agent, now - 35 * 60, |_| Vec::new())
        .await?;
    // Next week, 09:00 to 15:00 in the utility's zone, announced yesterday.
    let day = clock.today() + chrono::Days::new(8);
    let at = |h: u32| {
        day.and_hms_opt(h, 0, 0)
            .and_then(|t| t.and_local_timezone(utility_zone()).single())
            .map(|t| t.timestamp())
            .ok_or_else(|| bad("a local time next week"))
    };
    let planned = OutageDraft {
        kind: OutageKind::Planned,
        area: "Pudong Riverside".into(),
        starts_at: at(9)?,
        expected_end: at(15)?,
        reason: "Transformer replacement at the Riverside substation.".into(),
    };
    store
        .create_outage(&planned, agent, now - 86_400, |_| Vec::new())
        .await?;

    let limits = store.repair_limits().await?;
    let (home, home_area, _) = demo_account(store, "3100123456").await?;
    let (cold, cold_area, _) = demo_account(store, "3200000003").await?;
    let file = |reporter: i64,
                account: RowId,
                area: AreaClass,
                kind: FaultKind,
                text: &'static str,
                key: &'static str| NewTicket {
        reporter_id: reporter,
        service_account_id: account,
        kind,
        description: text,
        contact_phone: "13800005678",
        danger: false,
        photo_id: None,
        area_class: area,
        idempotency_key: key,
    };
    let write = |e: crate::server::store::StoreError| bad(e.to_string());
    // Fixed three weeks ago, start to finish: the crew came in 30 minutes.
    let t0 = now - 21 * 86_400;
    let new = file(
        resident,
        home,
        home_area,
        FaultKind::Voltage,
        "Lights flicker and dim every evening.",
        "demo-ticket-1",
    );
    let (id, _) = store
        .create_ticket(&new, &limits, year, t0)
        .await
        .map_err(write)?;
    let steps = [
        (TicketAction::Dispatch, 5, "Crew 3 (Pudong)"),
        (TicketAction::Depart, 8, ""),
        (TicketAction::Arrive, 30, ""),
        (TicketAction::Restore, 95, ""),
        (TicketAction::Close, 120, ""),
    ];
    let mut state = crate::domain::repair::TicketState::Reported;
    for (action, minutes, crew) in steps {
        let to = state.after(action).map_err(|e| bad(e.to_string()))?;
        let change = TicketChange {
            crew: (!crew.is_empty()).then_some(crew),
            eta_at: (action == TicketAction::Dispatch).then_some(t0 + 35 * 60),
            outage_id: None,
            note: if action == TicketAction::Close {
                "Loose neutral in the meter box tightened."
            } else {
                ""
            },
        };
        store
            .move_ticket(
                id,
                state,
                to,
                action,
                &change,
                agent,
                true,
                t0 + minutes * 60,
                &[],
            )
            .await
            .map_err(write)?;
        state = to;
    }
    // Reported 70 minutes ago and dispatched, but the crew is not there: past the 45 minutes.
    let t1 = now - 70 * 60;
    let new = file(
        resident,
        home,
        home_area,
        FaultKind::PartialLoss,
        "The kitchen and one bedroom have no power; the rest works.",
        "demo-ticket-2",
    );
    let (id, _) = store
        .create_ticket(&new, &limits, year, t1)
        .await
        .map_err(write)?;
    let change = TicketChange {
        crew: Some("Crew 5 (Pudong)"),
        eta_at: Some(t1 + 40 * 60),
        outage_id: None,
        note: "",
    };
    store
        .move_ticket(
            id,
            crate::domain::repair::TicketState::Reported,
            crate::domain::repair::TicketState::Dispatched,
            TicketAction::Dispatch,
            &change,
            agent,
            true,
            t1 + 10 * 60,
            &[],
        )
        .await
        .map_err(write)?;
    // Just reported by Harbor Foods: nobody has picked it up yet.
    let new = file(
        ops,
        cold,
        cold_area,
        FaultKind::NoPower,
        "Cold room 2 lost power; the compressor is off.",
        "demo-ticket-3",
    );
    store
        .create_ticket(&new, &limits, year, now - 10 * 60)
        .await
        .map_err(write)?;
    Ok(())
}

/// A small PDF, standing in for a scanned document.
fn demo_pdf(title: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% GridCare demo document: {title}\n%%EOF\n").into_bytes()
}

/// Connection cases at different stages; the household's capacity increase is late.
async fn connections(store: &Store, clock: &dyn Clock, ids: &[i64]) -> Result<(), StoreError> {
    use crate::domain::application::{DocumentKind, SupplyVoltage};
    use crate::domain::connection::{ConnectionCase, Move, RequestKind, SupplyCategory};
    use crate::server::store::connections::{NewCase, next_due, replay};
    let (resident, ops, agent) = (ids[0], ids[1], ids[2]);
    let today = clock.today();
    let now = clock.unix();
    let limits = store.connection_limits().await?;
    let cal = store.working_calendar().await?;
    let home = store
        .accounts_visible_to(resident)
        .await?
        .first()
        .map(|a| a.id);
    let sites = store.accounts_visible_to(ops).await?;
    let site = |name: &str| {
        sites
            .iter()
            .find(|a| a.site_name.as_deref() == Some(name))
            .map(|a| a.id)
    };
    let working_days_ago = |n: u32| cal.sub_working_days(today, n);
    struct Demo<'a> {
        applicant: i64,
        account: Option<crate::domain::RowId>,
        kind: RequestKind,
        category: SupplyCategory,
        address: &'a str,
        capacity_centi_kw: i64,
        voltage: SupplyVoltage,
        contact: (&'a str, &'a str),
        opened: u32,
        moves: &'a [(Move, u32, &'a str)],
    }
    let demos = [
        Demo {
            applicant: resident,
            account: home,
            kind: RequestKind::EvCharger,
            category: SupplyCategory::Residential,
            address: "Parking space B2-117, 88 Riverside Road, Pudong, Shanghai",
            capacity_centi_kw: 700,
            voltage: SupplyVoltage::V220,
            contact: ("Li Wei", "13800005678"),
            opened: 2,
            moves: &[(Move::Advance, 1, "Application accepted; survey booked.")],
        },
        Demo {
            applicant: resident,
            account: home,
            kind: RequestKind::CapacityIncrease,
            category: SupplyCategory::Residential,
            address: "Flat 1202, Building 3, 88 Riverside Road, Pudong, Shanghai",
            capacity_centi_kw: 1200,
            voltage: SupplyVoltage::V220,
            contact: ("Li Wei", "13800005678"),
            opened: 9,
            moves: &[
                (Move::Advance, 8, "Accepted."),
                (Move::Advance, 6, "Survey done; meter change scheduled."),
            ],
        },
        Demo {
            applicant: resident,
            account: home,
            kind: RequestKind::NewConnection,
            category: SupplyCategory::Residential,
            address: "Flat 1202, Building 3, 88 Riverside Road, Pudong, Shanghai",
            capacity_centi_kw: 800,
            voltage: SupplyVoltage::V220,
            contact: ("Li Wei", "13800005678"),
            opened: 200,
            moves: &[
                (Move::Advance, 199, "Accepted."),
                (Move::Advance, 198, "Survey done."),
                (Move::Advance, 197, "Meter installed, power on."),
            ],
        },
        Demo {
            applicant: ops,
            account: site("Central Kitchen"),
            kind: RequestKind::CapacityIncrease,
            category: SupplyCategory::HighVoltageSingle,
            address: "1 Harbor Industrial Park, Minhang, Shanghai",
            capacity_centi_kw: 80_000,
            voltage: SupplyVoltage::Kv10,
            contact: ("Chen Jing", "02155501234"),
            opened: 8,
            moves: &[
                (Move::Advance, 7, "Accepted."),
                (
                    Move::Advance,
                    5,
                    "Site surveyed; preparing the supply plan.",
                ),
            ],
        },
        Demo {
            applicant: ops,
            account: site("Harbor Road Store"),
            kind: RequestKind::TariffChange,
            category: SupplyCategory::LowVoltageBusiness,
            address: "215 Harbor Road, Huangpu, Shanghai",
            capacity_centi_kw: 4_000,
            voltage: SupplyVoltage::V380,
            contact: ("Chen Jing", "02155501234"),
            opened: 3,
            moves: &[(
                Move::AskCustomer,
                2,
                "Please upload the current business licence (the one on file has expired).",
            )],
        },
    ];
    for (n, demo) in demos.iter().enumerate() {
        let opened_on = working_days_ago(demo.opened);
        let mut docs = Vec::new();
        for kind in DocumentKind::required_for(demo.kind, demo.category) {
            let bytes = demo_pdf(kind.as_str());
            let sha = crate::server::auth::sha256_hex(&bytes);
            docs.push(
                store
                    .insert_document(
                        demo.applicant,
                        kind.as_str(),
                        &format!("{}.pdf", kind.as_str()),
                        "application/pdf",
                        &bytes,
                        &sha,
                        now,
                    )
                    .await?,
            );
        }
        let mut case = ConnectionCase::open(demo.category, opened_on, &limits);
        let key = format!("demo-{n}");
        let new = NewCase {
            applicant_id: demo.applicant,
            service_account_id: demo.account,
            kind: demo.kind,
            category: demo.category,
            premise_address: demo.address,
            capacity_centi_kw: demo.capacity_centi_kw,
            supply_voltage: demo.voltage.as_str(),
            contact_name: demo.contact.0,
            contact_phone: demo.contact.1,
            idempotency_key: &key,
            document_ids: &docs,
        };
        let (id, _) = store
            .create_case(&new, &case, next_due(&case, today, &cal), now)
            .await
            .map_err(|e| bad(e.to_string()))?;
        for (i, (mv, ago, note)) in demo.moves.iter().enumerate() {
            let on = working_days_ago(*ago);
            case.apply(*mv, on, &cal).map_err(bad)?;
            store
                .append_case_event(
                    id,
                    i as i64 + 2,
                    *mv,
                    &case,
                    next_due(&case, today, &cal),
                    on,
                    now,
                    agent,
                    note,
                    true,
                    &[],
                    &[],
                )
                .await
                .map_err(|e| bad(e.to_string()))?;
        }
        // The stored row must replay to the same case.
        let row = store
            .case(id)
            .await?
            .ok_or_else(|| bad("demo case vanished"))?;
        let events = store.case_events(id).await?;
        replay(&row, &events, &limits, &cal)?;
    }
    Ok(())
}

/// A demo account's id, area class and customer category, by its number.
async fn demo_account(
    store: &Store,
    number: &str,
) -> Result<(RowId, AreaClass, String), StoreError> {
    let row = sqlx::query(
        "SELECT id, area_class, customer_category FROM service_accounts WHERE account_number = $1",
    )
    .bind(number)
    .fetch_one(store.pool())
    .await?;
    let area: String = sqlx::Row::try_get(&row, "area_class")?;
    Ok((
        RowId(sqlx::Row::try_get(&row, "id")?),
        AreaClass::from_stored(&area).ok_or_else(|| bad("an area class"))?,
        sqlx::Row::try_get(&row, "customer_category")?,
    ))
}

fn bad(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("demo seed: {e}"))
}

/// How a demo site uses power over the year.
#[derive(Debug, Clone, Copy)]
enum Profile {
    Household,
    SmallHousehold,
    Kitchen,
    Store,
    Warehouse,
}

impl Profile {
    /// Usage in the month starting on `month`, with repeatable noise.
    fn usage(self, month: NaiveDate, salt: u64) -> Usage {
        let m = month.month0() as usize;
        let n = |range: i64| noise(salt, month.num_days_from_ce() as u64, range);
        let kwh = |whole: i64, jitter: i64| {
            KilowattHours::from_centi((whole + n(jitter)) * 100 + n(100).abs())
        };
        const HOUSE: [i64; 12] = [330, 300, 240, 200, 210, 290, 460, 480, 330, 220, 230, 310];
        match self {
            Profile::Household => Usage::Total(kwh(HOUSE[m], 25)),
            Profile::SmallHousehold => Usage::Total(kwh(HOUSE[m] * 2 / 3, 20)),
            Profile::Kitchen => Usage::PeakValley {
                peak: kwh(16_000 + if (5..=8).contains(&m) { 2_500 } else { 0 }, 1_500),
                valley: kwh(7_000, 800),
            },
            Profile::Store => {
                Usage::Total(kwh(3_200 + if (5..=8).contains(&m) { 800 } else { 0 }, 300))
            }
            Profile::Warehouse => Usage::Total(kwh(
                11_000 + if (5..=8).contains(&m) { 2_000 } else { 0 },
                700,
            )),
        }
    }
}

/// A repeatable number in `-range..range` (splitmix64 of the inputs).
fn noise(salt: u64, i: u64, range: i64) -> i64 {
    let mut z = salt.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(i);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    if range <= 0 {
        return 0;
    }
    (z % (2 * range as u64)) as i64 - range
}

struct Site<'a> {
    number: &'a str,
    holder: &'a str,
    phone: &'a str,
    address: &'a str,
    area: AreaClass,
    category: CustomerCategory,
    tariff: &'a str,
    months: u32,
    /// A smart meter: hourly readings for the last 90 days.
    smart: bool,
    profile: Profile,
    organisation: Option<i64>,
    site_name: Option<&'a str>,
}

impl Site<'_> {
    /// Creates the account, its meter, monthly readings and bills up to this month; every bill
    /// is paid but the latest, which is due.
    async fn create(
        &self,
        conn: &mut AnyConnection,
        today: NaiveDate,
        now: i64,
    ) -> Result<i64, StoreError> {
        let number = AccountNumber::parse(self.number).map_err(bad)?;
        let account_id = accounts::insert_service_account(
            conn,
            &NewServiceAccount {
                number: &number,
                holder_name: self.holder,
                phone: self.phone,
                premise_address: self.address,
                area_class: self.area,
                category: self.category,
                tariff_code: self.tariff,
                organisation_id: self.organisation,
                site_name: self.site_name,
            },
            now,
        )
        .await?;
        let rules: Tariff = tariff(conn, self.tariff).await?;
        let salt: u64 = self.number.parse().map_err(bad)?;
        let this_month = today.with_day(1).ok_or_else(|| bad("first of month"))?;
        let first = this_month
            .checked_sub_months(Months::new(self.months))
            .ok_or_else(|| bad("months back"))?;
        let split = matches!(self.profile, Profile::Kitchen);
        let meter_id = accounts::insert_meter(
            conn,
            account_id,
            &format!("M{}", self.number),
            if split { "peak_valley" } else { "total" },
            first,
        )
        .await?;
        let mut registers: Vec<(&str, KilowattHours)> = if split {
            vec![
                ("peak", KilowattHours::whole(48_210)),
                ("valley", KilowattHours::whole(20_385)),
            ]
        } else {
            vec![("total", KilowattHours::from_centi(1_234_567))]
        };
        for (register, value) in &registers {
            accounts::insert_reading(conn, meter_id, first, register, *value, false).await?;
        }
        let mut tier_year: Option<NaiveDate> = None;
        let mut used_in_tier_year = KilowattHours::ZERO;
        for k in 0..self.months {
            let start = first + Months::new(k);
            let end = start + Months::new(1);
            let usage = self.profile.usage(start, salt);
            let amounts: Vec<KilowattHours> = match usage {
                Usage::Total(t) => vec![t],
                Usage::PeakValley { peak, valley } => vec![peak, valley],
            };
            // One reading in twenty is estimated, as when the reader could not get in.
            let estimated = noise(salt, u64::from(k) + 7, 10) == 0;
            for ((register, value), used) in registers.iter_mut().zip(amounts) {
                *value = *value + used;
                accounts::insert_reading(conn, meter_id, end, register, *value, estimated).await?;
            }
            let year = rules.tier_year_start(start);
            if year != tier_year {
                tier_year = year;
                used_in_tier_year = KilowattHours::ZERO;
            }
            let lines = rules.price(usage, used_in_tier_year).map_err(bad)?;
            used_in_tier_year = used_in_tier_year + usage.total();
            let issued_on = (end + Days::new(1)).min(today);
            let due_on = issued_on + Days::new(30);
            let bill_id = insert_bill(
                conn,
                &NewBill {
                    account_id,
                    meter_id,
                    tariff_code: self.tariff,
                    period_start: start,
                    period_end: end,
                    issued_on,
                    due_on,
                    lines: &lines,
                },
            )
            .await?;
            let total: Fen = lines.iter().map(|l| l.amount).sum();
            if k + 1 < self.months && total.is_positive() {
                let paid_on =
                    issued_on + Days::new(3 + noise(salt, u64::from(k), 8).unsigned_abs());
                let paid_at = paid_on
                    .and_hms_opt(10, 30, 0)
                    .and_then(|t| t.and_local_timezone(utility_zone()).single())
                    .map_or(now, |t| t.timestamp());
                const CHANNELS: [&str; 4] = ["wechat", "alipay", "online_banking", "counter"];
                let channel = CHANNELS[(noise(salt, u64::from(k), 2) + 2) as usize % 4];
                let reference = format!("PAY{}{:04}", self.number, k);
                insert_payment(conn, bill_id, paid_at, total, channel, &reference).await?;
            }
        }
        if self.smart {
            hourly_readings(conn, meter_id, self.profile, salt, today, now).await?;
        }
        Ok(account_id)
    }
}

/// Makes the village home prepaid (预付费), as rural meters often are: topped up two days ago
/// with its latest bill and ¥80 more, so it is in credit.
async fn prepaid_top_up(
    conn: &mut AnyConnection,
    account: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE service_accounts SET prepaid = 1 WHERE id = $1")
        .bind(account)
        .execute(&mut *conn)
        .await?;
    let owed: i64 = sqlx::query(
        "SELECT CAST(COALESCE(SUM(CASE kind WHEN 'payment' THEN -amount_fen
                                           ELSE amount_fen END), 0) AS BIGINT) AS owed
         FROM ledger_entries WHERE service_account_id = $1",
    )
    .bind(account)
    .fetch_one(&mut *conn)
    .await?
    .try_get("owed")?;
    sqlx::query(
        "INSERT INTO payments (service_account_id, bill_id, paid_at, amount_fen, channel, reference)
         VALUES ($1, NULL, $2, $3, 'wechat', 'PAYTOPUP0001')",
    )
    .bind(account)
    .bind(now - 2 * 86_400)
    .bind(owed.max(0) + 8_000)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Days of hourly readings a smart meter has.
const HOURLY_HISTORY_DAYS: u64 = 90;

/// How a profile's use spreads over a day's hours (weights), and how much more or less a day of
/// the week uses (per mille).
fn day_shape(profile: Profile, weekday: u32) -> ([u32; 24], u32) {
    const HOME: [u32; 24] = [
        40, 35, 32, 30, 30, 35, 70, 120, 110, 70, 60, 60, 70, 60, 55, 55, 70, 110, 170, 180, 170,
        150, 110, 70,
    ];
    const KITCHEN: [u32; 24] = [
        50, 50, 50, 50, 50, 60, 120, 150, 160, 165, 170, 170, 165, 160, 160, 160, 165, 170, 165,
        150, 130, 110, 70, 55,
    ];
    match profile {
        // Saturday and Sunday at home use more.
        Profile::Household | Profile::SmallHousehold => {
            (HOME, if weekday >= 5 { 1150 } else { 960 })
        }
        // The kitchen cooks less on Sundays.
        _ => (KITCHEN, if weekday == 6 { 700 } else { 1050 }),
    }
}

/// Splits `total` into parts in proportion to `weights`, the parts adding up exactly.
fn share_out(total: i64, weights: &[u64]) -> Vec<i64> {
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut parts: Vec<i64> = weights
        .iter()
        .map(|w| total * *w as i64 / sum as i64)
        .collect();
    let short = total - parts.iter().sum::<i64>();
    for part in parts.iter_mut().take(short.max(0) as usize) {
        *part += 1;
    }
    parts
}

/// Writes a smart meter's hourly readings for the last 90 days up to the current hour. Each
/// billed month's hours add up exactly to the month's bill; this month, not billed yet, goes on
/// at last month's daily rate. Days follow the profile's daily shape and week.
async fn hourly_readings(
    conn: &mut AnyConnection,
    meter_id: i64,
    profile: Profile,
    salt: u64,
    today: NaiveDate,
    now: i64,
) -> Result<(), StoreError> {
    use crate::domain::local_time::day_start;
    let first_day = today - Days::new(HOURLY_HISTORY_DAYS);
    let weight = |day: NaiveDate| -> u64 {
        let (_, week) = day_shape(profile, day.weekday().num_days_from_monday());
        (i64::from(week) + noise(salt, day.num_days_from_ce() as u64, 80)) as u64
    };
    let mut month = first_day.with_day(1).ok_or_else(|| bad("first of month"))?;
    let mut previous_daily: Option<i64> = None;
    let mut rows: Vec<(i64, i64)> = Vec::new();
    while month <= today {
        let next = month + Months::new(1);
        let days: Vec<NaiveDate> = month.iter_days().take_while(|d| *d < next).collect();
        let total: Option<i64> = sqlx::query(
            "SELECT b.energy_centi_kwh FROM bills b JOIN meters m ON m.service_account_id = b.service_account_id
             WHERE m.id = $1 AND b.period_start = $2",
        )
        .bind(meter_id)
        .bind(month.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| sqlx::Row::get::<i64, _>(&r, 0) * 10);
        let weights: Vec<u64> = days.iter().map(|d| weight(*d)).collect();
        let per_day: Vec<i64> = match total {
            Some(wh) => {
                previous_daily = Some(wh / days.len() as i64);
                share_out(wh, &weights)
            }
            // Not billed yet: last month's average day, shaped the same way.
            None => {
                let avg = previous_daily.unwrap_or(10_000);
                let mean = weights.iter().sum::<u64>() / weights.len().max(1) as u64;
                weights
                    .iter()
                    .map(|w| avg * *w as i64 / mean.max(1) as i64)
                    .collect()
            }
        };
        for (day, wh) in days.iter().zip(per_day) {
            if *day < first_day || *day > today {
                continue;
            }
            let (shape, _) = day_shape(profile, day.weekday().num_days_from_monday());
            let hours: Vec<u64> = shape
                .iter()
                .enumerate()
                .map(|(h, w)| {
                    (i64::from(*w)
                        + noise(
                            salt ^ 0xA5,
                            day.num_days_from_ce() as u64 * 24 + h as u64,
                            12,
                        ))
                    .max(1) as u64
                })
                .collect();
            let start = day_start(*day);
            for (h, part) in share_out(wh, &hours).into_iter().enumerate() {
                let at = start + h as i64 * 3600;
                if at + 3600 <= now {
                    rows.push((at, part));
                }
            }
        }
        month = next;
    }
    sqlx::query("UPDATE meters SET smart = 1 WHERE id = $1")
        .bind(meter_id)
        .execute(&mut *conn)
        .await?;
    // Many rows a statement: thousands of single inserts would slow every test's seed.
    for chunk in rows.chunks(250) {
        let values = (0..chunk.len())
            .map(|i| format!("($1, ${}, 3600, ${})", 2 * i + 2, 2 * i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO interval_readings (meter_id, start_at, seconds, wh) VALUES {values}"
        );
        let mut q = sqlx::query(&sql).bind(meter_id);
        for (at, wh) in chunk {
            q = q.bind(*at).bind(*wh);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}
