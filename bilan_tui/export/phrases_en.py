"""The exported documents' own words, in English.

Same keys as ``phrases_fr`` (a test checks it). A key ending in ``_one`` /
``_other`` depends on a number (``count``).
"""

from __future__ import annotations

EN = {
    # Titles and general words
    "synthesis_title": "Synthesis document",
    "detail_title": "Detailed results",
    "homework_title": "Homework: the exercises asked for",
    "unnamed_person": "the beneficiary",
    "bilan_of": "Skills assessment (bilan de compétences) of {name}",
    "written_on": "Written on {date}",
    "synthesis_intro": (
        "This document brings together the conclusions of the bilan: how it came about, the "
        "competencies and aptitudes it brought to light, interests, values and motivations, "
        "the professional project and the means to achieve it. It draws on the work done "
        "during the bilan and ends with the beneficiary's own observations."
    ),
    "detail_intro": (
        "Every answer in the workbook, exercise by exercise, in the order of the three phases "
        "of the bilan, with the results drawn from them."
    ),
    "phase_preliminaire": "Preliminary phase",
    "phase_investigation": "Investigation phase",
    "phase_conclusions": "Conclusions phase",
    "status_done": "Done.",
    "status_started": "In progress.",
    "status_todo": "Not yet explored.",
    "not_explored": "Not yet explored: the exercise \u201c{title}\u201d is still to do.",
    "not_in_pack": "Not yet explored.",
    "unanswered_one": "{count} question left unanswered.",
    "unanswered_other": "{count} questions left unanswered.",
    "private_hidden_one": "{count} private answer is left out here.",
    "private_hidden_other": "{count} private answers are left out here.",
    "yes": "Yes",
    "no": "No",
    "signed_scale": "{value} (on a scale from {low} to {high})",
    "and_last": " and ",
    "and_then": "; ",
    "unnamed": "(unnamed)",
    # The synthesis: who wrote what, the opening questions, the evaluation
    "synthesis_draft_title": "Draft for the synthesis",
    "draft_explained": (
        "This document is a draft: the part written by the person who accompanies the bilan "
        "is still missing. It gathers what {name} wrote during the bilan, to prepare the "
        "synthesis document."
    ),
    "handed_over": "Handed over on {date} by {author}",
    "who_wrote_what": (
        "Who wrote what: the answers shown here are {name}'s own words, written during the "
        "bilan; the part \u201c{part}\u201d is written by {author}; {name}'s observations close "
        "the document."
    ),
    "consultant_unnamed": "the person who accompanies the bilan",
    "consultant_missing": (
        "This part is written by the person who accompanies the bilan, at the end of the "
        "bilan. It is still to be written: until it is, this document is a draft."
    ),
    "written_by": "Written by {author}.",
    "handed_over_on": "Handed over on {date}.",
    "section_questions": "Your opening questions, and what the bilan answered",
    "section_consultant": "The consultant's synthesis",
    "part_consultant": "the part written by the consultant",
    "revisit_questions": "The questions asked of the bilan",
    "revisit_reussite": "What was to make it a success",
    "revisit_attentes": "The expectations",
    "revisit_start": "At the start of the bilan",
    "revisit_end": "At the end of the bilan",
    "revisit_status": "Answered",
    "status_repondu": "yes",
    "status_en-partie": "partly",
    "status_non": "not yet",
    "not_revisited": "not yet looked at again at the end of the bilan",
    "glance_revisited": "Your opening questions:",
    "glance_questions": "The questions asked",
    "glance_reussite": "The measure of success",
    "glance_attentes": "The expectations",
    "evaluation_title": "Evaluation of the bilan",
    "evaluation_intro": (
        "What {name} thought of the bilan at its end, for the organisation that provided it. "
        "This document is separate from the synthesis and the detailed results: it is in "
        "neither."
    ),
    "evaluation_missing": "The evaluation of the bilan has not been given yet.",
    "someone": "someone close",
    # Session journal
    "journal": "Session journal",
    "journal_intro": (
        "What the person prepared before each session with their consultant, what they kept "
        "from it and what they set out to do by the next session. These are their working "
        "notes: they are not part of the synthesis."
    ),
    "journal_planned": "Session planned for {date}",
    "journal_undated": "Session to be dated",
    "journal_prepare": "What I want to raise",
    "journal_retain": "What I keep from it",
    "journal_todo": "What I do by next time:",
    "journal_done": "[done]",
    "journal_open": "[to do]",
    # Follow-up report
    "follow_up_report_title": "Follow-up interview report",
    "follow_up_held_on": "Follow-up interview of {date}.",
    "follow_up_not_recorded": (
        "The follow-up interview, planned for {date}, is not recorded yet: this report shows "
        "where the action plan stands today."
    ),
    "follow_up_report_intro": (
        "About six months after the bilan ended, what the person has done with their project: "
        "each step of the action plan, their satisfaction compared with the start, what has "
        "changed, the decisions taken and how useful the bilan proved."
    ),
    "follow_up_plan": "The action plan, step by step",
    "follow_up_n_fait_one": "{count} step done",
    "follow_up_n_fait_other": "{count} steps done",
    "follow_up_n_en_cours_one": "{count} in progress",
    "follow_up_n_en_cours_other": "{count} in progress",
    "follow_up_n_modifie_one": "{count} changed",
    "follow_up_n_modifie_other": "{count} changed",
    "follow_up_n_abandonne_one": "{count} dropped",
    "follow_up_n_abandonne_other": "{count} dropped",
    "follow_up_n_a_faire_one": "{count} still to do",
    "follow_up_n_a_faire_other": "{count} still to do",
    "follow_up_why": "Why",
    "follow_up_no_plan": "The action plan has no steps.",
    "follow_up_situation": "The situation, at the start and today",
    "follow_up_situation_intro": (
        "Satisfaction from 0 to 10 in each area: at the start of the bilan, then on the day of "
        "the follow-up."
    ),
    "follow_up_area": "Area",
    "follow_up_start": "At the start",
    "follow_up_now": "At follow-up",
    "follow_up_change": "Change",
    "follow_up_no_ratings": "No satisfaction ratings to compare.",
    "follow_up_changes": "What has changed",
    "follow_up_decisions": "Decisions taken at the follow-up",
    "follow_up_usefulness": "What the bilan proved worth",
    "follow_up_useful_score": "How useful the bilan proved, six months on: {score} out of 10.",
    "area_contenu": "Content of the work",
    "area_collegues": "Relationships with colleagues",
    "area_management": "Management",
    "area_remuneration": "Pay",
    "area_charge": "Workload",
    "area_sens": "Meaning",
    "area_equilibre": "Work-life balance",
    "area_sante": "Health",
    "area_famille": "Family life",
    "area_finances": "Financial situation",
    "area_loisirs": "Free time",
    # Confidentiality
    "at_a_glance": "At a glance",
    "glance_project": "The project",
    "glance_strengths": "The best-backed strengths",
    "glance_steps": "The next steps:",
    "aiming_for": "To become: {job}.",
    "stories_n_one": "{count} story",
    "stories_n_other": "{count} stories",
    "feedback_n_one": "{count} piece of feedback",
    "feedback_n_other": "{count} pieces of feedback",
    "confidentiality": "Confidentiality",
    "confidentiality_law": (
        "The detailed results and the synthesis document are given to the beneficiary of the "
        "bilan alone. They may be passed on to anyone else only with the beneficiary's "
        "agreement (article L6313-4 of the French Labour Code). Those who carry out the bilan "
        "or hold its results are bound by professional secrecy."
    ),
    "for_self_only": "This document is for {name}, and for no one else.",
    "shared_with": (
        "{name} chose to share this document {recipient}; this agreement was recorded on {date}."
    ),
    "recipient_consultant": "with the consultant guiding this bilan",
    "recipient_cep": "with their career development adviser (CEP)",
    "recipient_employer": "with their employer",
    "recipient_funder": "with the funder of their bilan",
    "recipient_other": "with a third party of their choosing",
    "private_left_out": (
        "Answers marked as private (health, family life, income during the transition…) "
        "are not included."
    ),
    "private_included": "At the beneficiary's request, answers marked as private are included.",
    "partial_copy": (
        "This copy holds only part of the bilan, chosen by {name}: {parts}. "
        "The rest is not included."
    ),
    "part_request": "the request",
    "part_situation": "the situation and career path",
    "part_arrangements": "how the bilan was run",
    "part_competencies": "competencies and aptitudes",
    "part_feedback": "feedback from people around them",
    "part_interests": "interests, values and motivations",
    "part_project": "the project and the leads",
    "part_interviews": "the informational interviews",
    "part_training": "training and its funding",
    "part_constraints": "personal constraints and resources",
    "part_steps": "the action plan and follow-up",
    "part_observations": "the beneficiary's observations",
    "part_extra": "exercises from other packs",
    # Synthesis parts
    "section_circumstances": "Circumstances of the bilan",
    "section_competencies": "Competencies and aptitudes",
    "section_interests": "Interests, values and motivations",
    "section_project": "The professional project",
    "section_conditions": "Conditions and means",
    "section_steps": "The main steps",
    "section_observations": "The beneficiary's observations",
    # 1. Circumstances
    "request": "The request",
    "trigger": "What prompted it",
    "initiative": "Whose idea it was",
    "initiative_feeling": "How the beneficiary feels about it",
    "expectations": "Expectations",
    "questions": "Questions for the bilan",
    "success": "What will make it a success",
    "first_ideas": "First ideas",
    "deadlines": "Deadlines",
    "situation": "The situation at the start",
    "job": "Current job",
    "sector": "Sector",
    "status": "Employment status",
    "experience": "Work experience",
    "of_which_in_job_one": ", {count} of them in the current occupation",
    "of_which_in_job_other": ", {count} of them in the current occupation",
    "years_in_job_one": "{count} year in the current occupation",
    "years_in_job_other": "{count} years in the current occupation",
    "years_one": "{count} year",
    "years_other": "{count} years",
    "degree": "Highest qualification",
    "certificates": "Qualifications and certificates",
    "weighs": "What weighs most today",
    "support_points": "What they can lean on",
    "arrangements": "How the bilan was run",
    "consultant": "Consultant and organisation",
    "period": "Period",
    "from_to": "from {start} to {end}",
    "since": "since {start}",
    "format": "In person or remote",
    "pace": "Pace",
    "funding": "Funding",
    "working_time": "Working hours",
    "no_hours": "No hours have been logged yet.",
    "hours_total": (
        "Accompaniment: {used}, out of a legal maximum of {budget}. Personal work, on top: {own}."
    ),
    "phase": "Phase",
    "accompaniment": "Accompaniment",
    "planned": "Planned",
    "personal_work": "Personal work",
    "appendix_hours": "Appendix: the hours of the bilan, phase by phase",
    "over_budget": "Accompaniment exceeds the 24 hours the law allows.",
    # 2. Competencies and aptitudes
    "assets": "Strengths",
    "assets_count": (
        "Skills mastered well enough to teach, and wanted: {count}, {supported} of them backed "
        "by at least one story or piece of feedback."
    ),
    "no_assets": "No skill is yet both mastered and wanted.",
    "mastery_wish": "mastery {m}/3, desire {w}/3",
    "stories_cited_one": "the story {titles}",
    "stories_cited_other": "the stories {titles}",
    "feedback_cited_one": "feedback from {who}",
    "feedback_cited_other": "feedback from {who}",
    "supported_by": "Backed by {what}.",
    "list_sep": "; ",
    "no_support_one": (
        "Strength claimed with no story or feedback behind it yet: {count}, shown in the "
        "detailed results."
    ),
    "no_support_other": (
        "Strengths claimed with no story or feedback behind them yet: {count}, shown in the "
        "detailed results."
    ),
    "quadrant_assets": "Strengths (mastered well enough to teach, and wanted)",
    "quadrant_to_develop": "Skills to develop (wanted, not yet fully mastered)",
    "more_in_detail_one": "And {count} more, shown in the detailed results.",
    "more_in_detail_other": "And {count} more, shown in the detailed results.",
    "quadrant_to_let_go": "Skills to let go (mastered, no longer wanted)",
    "quadrant_neutral": "Neutral skills (neither mastered nor wanted)",
    "feedback": "How others see them",
    "aptitudes": "Aptitudes",
    "tied_for_place": "Tied for {place} place, with the same score: {names}.",
    "flat_profile": (
        "The profile is fairly flat ({spread} points between the highest and the lowest): "
        "read it as a starting point for discussion rather than a verdict."
    ),
    # 3. Interests, values and motivations
    "interests": "Interests",
    "code": "Interest code",
    "strongest": "Strongest",
    "ties": "Tied: {groups}.",
    "consistency_adjacent": (
        "The first two types are close to each other: many occupations combine them."
    ),
    "consistency_alternate": (
        "The first two types are fairly close: a good number of occupations combine them."
    ),
    "consistency_opposite": (
        "The first two types are far apart: few occupations combine them. It is a tension worth "
        "exploring, not a contradiction."
    ),
    "limit_mark": "limit",
    "breaks_limit": "(set aside: it breaks a limit)",
    "ranking_holds": (
        "The lead in first place stays first if any criterion's weight moves by one point."
    ),
    "ranking_flips_more": "One more point of weight on “{criterion}” would put “{lead}” first.",
    "ranking_flips_less": "One point less of weight on “{criterion}” would put “{lead}” first.",
    "ranking_fragile_one": "{count} one-point change alters the top of the ranking in this way.",
    "ranking_fragile_other": (
        "{count} one-point changes alter the top of the ranking in this way: it is fragile."
    ),
    "forced_pair": "A: {first} / B: {second}",
    "near_ties": (
        "Almost equal: {pairs}. The questionnaire cannot settle their order, which can be read "
        "either way."
    ),
    "near_pair": "{a} ({sa}) and {b} ({sb})",
    "self_assessed": (
        "What stands out most in the answers to the questionnaire (a self-assessment, not a test):"
    ),
    "values": "Values",
    "values_undefined": (
        "A value without a personal definition is followed by the workbook's description."
    ),
    "motivations": "Motivations",
    "energises": "What gives energy",
    "drains": "What drains",
    "deal_breakers": "What is no longer acceptable",
    "setting": "Preferred work setting",
    "setting_structure": "Type of organisation",
    "setting_sectors": "Appealing sectors",
    "setting_avoid": "Sectors to avoid",
    "setting_team": "Alone or in a team",
    "setting_place": "Where",
    "setting_pace": "Pace",
    "setting_remote": "Working from home",
    "setting_hours": "Hours",
    "setting_travel": "Travel",
    "setting_commute": "Longest commute (one way)",
    "setting_salary_floor": "Salary floor",
    "setting_salary_target": "Target salary in two or three years",
    "setting_responsibility": "Level of responsibility",
    "scale_end": "{side} ({value} out of {max})",
    "scale_leaning": "mostly {side} ({value} out of {max})",
    "scale_middle": "halfway between \u201c{low}\u201d and \u201c{high}\u201d",
    "minutes_one": "{count} minute",
    "minutes_other": "{count} minutes",
    "months_one": "{count} month",
    "months_other": "{count} months",
    "euros": "€{amount}",
    "euros_per_year": "€{amount} gross a year",
    "euros_per_month": "€{amount} net a month",
    "ideal_day": "Ideal working day",
    # 4. The professional project
    "project_statement": "The chosen project",
    "target_job": "Target occupation",
    "rome_code": "ROME code",
    "setting_of_job": "Setting",
    "fit_interests": "Fit with interests",
    "fit_values": "Values it honours",
    "strengths_used": "Strengths it draws on",
    "realism": "What makes it realistic",
    "training_needed": "Training project",
    "alternatives": "Leads compared and alternatives",
    "main_project": "Main project",
    "alternative": "Alternative kept",
    "fallback": "Fallback project",
    "matrix_ranking": "Ranking of the leads on the decision grid:",
    "rank": "Rank",
    "lead": "Lead",
    "share": "Share of maximum",
    "percent": "{value}%",
    "incomplete": "(not fully scored)",
    "leads_explored": "Leads explored:",
    "ranking_comment": "Reading of the ranking",
    "interviews": "Informational interviews",
    "interview_date": "Date",
    "occupation": "Occupation",
    "lessons": "What each interview taught:",
    "interviewee": "Who",
    "interview_mode": "How",
    "verdict": "Effect on the lead",
    # 5. Conditions and means
    "training": "Levers, obstacles and training",
    "levers": "Levers",
    "obstacles": "Obstacles and ways round them",
    "training_name": "Qualification aimed for",
    "rncp_code": "RNCP code",
    "training_provider": "Training provider",
    "training_length": "Length",
    "training_cost": "Cost",
    "training_funding": "Planned funding",
    "cpf_balance": "CPF balance",
    "vae": "Accreditation of prior experience (VAE)",
    "vae_yes": "being considered",
    "vae_yes_for": "being considered, for {target}",
    "vae_no": "not pursued",
    "transition_income": "Income during the transition",
    "support_after": "Support after the bilan",
    "constraints": "Constraints and resources",
    "mobility": "Geographical mobility",
    "moving_house": "Would move house",
    "income_floor": "Minimum income needed",
    "financial_margin": "Financial margin",
    "time_available": "Time available",
    "family_constraints": "Family commitments",
    "functional_limits": "Limits to respect for health",
    "network": "Network",
    "supporters": "Support",
    # 6. The main steps
    "action_plan": "Action plan",
    "deadline": "By",
    "step": "Step",
    "indicator": "Success indicator",
    "helper": "Help from",
    "state": "Status",
    "follow_up": "Follow-up interview",
    "follow_up_on": "A follow-up interview is planned for {date}.",
    "review_points": "What will be reviewed",
    "progress_signs": "Signs of progress",
    "contact": "Contact for this appointment",
    "note_to_self": "A note to self, to reread in six months",
    # 7. Observations
    "themes_intro": "On each result:",
    "theme_interests": "Interests",
    "theme_values": "Values",
    "theme_skills": "Skills",
    "theme_aptitudes": "Aptitudes",
    "theme_motivations": "Motivations",
    "theme_project": "Project",
    "surprises": "What came as a surprise",
    # Detailed results
    "dimension": "Dimension",
    "score": "Score",
    "items_answered": "Answered",
    "item_answers": "Item by item",
    "statement": "Statement",
    "answer": "Answer",
    "cards_missing_one": "{count} more card is needed in the first pile to complete the ranking.",
    "cards_missing_other": (
        "{count} more cards are needed in the first pile to complete the ranking."
    ),
    "unsorted": "Not sorted yet",
    "stories_in_brackets": "(stories: {titles})",
    "unrated_items_one": "{count} item is not rated yet.",
    "unrated_items_other": "{count} items are not rated yet.",
    "no_options": "No lead to compare yet.",
    "criterion_weight": "Criterion (weight)",
    "total": "Total",
    "orphans": "Answers no longer in the pack",
    "orphans_explained": (
        "These answers were written for questions the current version of the workbook no "
        "longer asks. They are kept as they were."
    ),
    "orphans_withheld_one": (
        "{count} older answer is left out: whether it was private can no longer be told."
    ),
    "orphans_withheld_other": (
        "{count} older answers are left out: whether they were private can no longer be told."
    ),
    "due": "Due",
    "consultant_message": "Message from the consultant",
}
