"""Les mots des documents exportés, en français.

Écrits comme une synthèse de bilan, en mots neutres quant au genre. Les espaces avant « : », « ; »,
« ? » et « ! » deviennent insécables à la fin du module. Une clé suivie de
``_one`` / ``_other`` dépend d'un nombre (``count``) : le singulier vaut pour 0 et 1.
"""

from __future__ import annotations

_PHRASES = {
    # Titres et généralités
    "synthesis_title": "Document de synthèse",
    "detail_title": "Résultats détaillés",
    "homework_title": "Travail personnel : les exercices demandés",
    "unnamed_person": "la personne accompagnée",
    "bilan_of": "Bilan de compétences de {name}",
    "written_on": "Document établi le {date}",
    "synthesis_intro": (
        "Ce document rassemble les conclusions du bilan : les circonstances de la démarche, "
        "les compétences et aptitudes mises au jour, les intérêts, valeurs et motivations, "
        "le projet professionnel et les moyens de le réaliser. Il s'appuie sur le travail "
        "mené pendant le bilan et se termine par les observations de la personne bénéficiaire."
    ),
    "detail_intro": (
        "Toutes les réponses du cahier, exercice par exercice, dans l'ordre des trois phases "
        "du bilan, avec les résultats qui en découlent."
    ),
    "phase_preliminaire": "Phase préliminaire",
    "phase_investigation": "Phase d'investigation",
    "phase_conclusions": "Phase de conclusions",
    "status_done": "Exercice terminé.",
    "status_started": "Exercice en cours.",
    "status_todo": "Pas encore exploré.",
    "not_explored": "Pas encore exploré : l'exercice « {title} » reste à faire.",
    "not_in_pack": "Pas encore exploré.",
    "unanswered_one": "{count} question sans réponse.",
    "unanswered_other": "{count} questions sans réponse.",
    "private_hidden_one": "{count} réponse privée n'est pas reprise ici.",
    "private_hidden_other": "{count} réponses privées ne sont pas reprises ici.",
    "yes": "Oui",
    "no": "Non",
    "signed_scale": "{value} (sur une échelle de {low} à {high})",
    "and_last": " et ",
    "and_then": " ; ",
    "unnamed": "(sans nom)",
    # La synthèse : qui a écrit quoi, les questions de départ, l'avis sur le bilan
    "synthesis_draft_title": "Éléments pour la synthèse",
    "draft_explained": (
        "Ce document est un brouillon : la partie écrite par la personne qui accompagne le "
        "bilan manque encore. Il rassemble ce que {name} a écrit pendant le bilan, pour préparer "
        "le document de synthèse."
    ),
    "handed_over": "Document remis le {date} par {author}",
    "who_wrote_what": (
        "Qui a écrit quoi : les réponses reprises ici sont les mots de {name}, écrits pendant le "
        "bilan ; la partie « {part} » est écrite par {author} ; les observations de {name} "
        "ferment le document."
    ),
    "consultant_unnamed": "la personne qui accompagne le bilan",
    "consultant_missing": (
        "Cette partie est écrite par la personne qui accompagne le bilan, à la fin du bilan. "
        "Elle reste à rédiger : tant qu'elle manque, ce document est un brouillon."
    ),
    "written_by": "Rédigé par {author}.",
    "handed_over_on": "Remis le {date}.",
    "section_questions": "Vos questions de départ, et ce que le bilan y a répondu",
    "section_consultant": "Le regard de l'accompagnement",
    "part_consultant": "la partie écrite par la personne qui accompagne le bilan",
    "revisit_questions": "Les questions posées au bilan",
    "revisit_reussite": "Ce qui devait en faire une réussite",
    "revisit_attentes": "Les attentes",
    "revisit_start": "Au début du bilan",
    "revisit_end": "À la fin du bilan",
    "revisit_status": "Réponse apportée",
    "status_repondu": "oui",
    "status_en-partie": "en partie",
    "status_non": "pas encore",
    "not_revisited": "pas encore revu à la fin du bilan",
    "glance_revisited": "Vos questions de départ :",
    "glance_questions": "Les questions posées",
    "glance_reussite": "Le critère de réussite",
    "glance_attentes": "Les attentes",
    "evaluation_title": "Avis sur le bilan",
    "evaluation_intro": (
        "L'avis de {name} à la fin du bilan, pour l'organisme qui l'a accompagné. Ce document "
        "est distinct de la synthèse et des résultats détaillés : il n'y figure pas."
    ),
    "evaluation_missing": "L'avis sur le bilan n'est pas encore donné.",
    "someone": "une personne de l'entourage",
    # Journal de séances
    "journal": "Journal des séances",
    "journal_intro": (
        "Ce que la personne a préparé avant chaque séance avec son consultant ou sa consultante, "
        "ce qu'elle en a retenu et ce qu'elle s'est proposé de faire d'ici la séance suivante. "
        "Ce sont ses notes de travail : elles ne figurent pas dans la synthèse."
    ),
    "journal_planned": "Séance prévue le {date}",
    "journal_undated": "Séance à dater",
    "journal_prepare": "Ce que je veux aborder",
    "journal_retain": "Ce que je retiens",
    "journal_todo": "Ce que je fais d'ici la prochaine fois :",
    "journal_done": "[fait]",
    "journal_open": "[à faire]",
    # Compte rendu de suivi
    "follow_up_report_title": "Compte rendu de l'entretien de suivi",
    "follow_up_held_on": "Entretien de suivi du {date}.",
    "follow_up_not_recorded": (
        "L'entretien de suivi, prévu le {date}, n'est pas encore consigné : ce compte rendu "
        "montre où en est le plan d'action aujourd'hui."
    ),
    "follow_up_report_intro": (
        "Environ six mois après la fin du bilan, ce que la personne a fait de son projet : "
        "chaque étape de son plan d'action, sa satisfaction comparée à celle du départ, ce qui a "
        "changé, les décisions prises et l'utilité du bilan avec le recul."
    ),
    "follow_up_plan": "Le plan d'action, étape par étape",
    "follow_up_n_fait_one": "{count} étape faite",
    "follow_up_n_fait_other": "{count} étapes faites",
    "follow_up_n_en_cours_one": "{count} en cours",
    "follow_up_n_en_cours_other": "{count} en cours",
    "follow_up_n_modifie_one": "{count} modifiée",
    "follow_up_n_modifie_other": "{count} modifiées",
    "follow_up_n_abandonne_one": "{count} abandonnée",
    "follow_up_n_abandonne_other": "{count} abandonnées",
    "follow_up_n_a_faire_one": "{count} encore à faire",
    "follow_up_n_a_faire_other": "{count} encore à faire",
    "follow_up_why": "Pourquoi",
    "follow_up_no_plan": "Le plan d'action ne compte aucune étape.",
    "follow_up_situation": "La situation, au départ et aujourd'hui",
    "follow_up_situation_intro": (
        "Satisfaction de 0 à 10 dans chaque domaine : au départ du bilan, puis le jour du suivi."
    ),
    "follow_up_area": "Domaine",
    "follow_up_start": "Au départ",
    "follow_up_now": "Au suivi",
    "follow_up_change": "Évolution",
    "follow_up_no_ratings": "Aucune note de satisfaction à comparer.",
    "follow_up_changes": "Ce qui a changé",
    "follow_up_decisions": "Les décisions prises au suivi",
    "follow_up_usefulness": "Ce que le bilan a apporté",
    "follow_up_useful_score": "Utilité du bilan, avec six mois de recul : {score} sur 10.",
    "area_contenu": "Contenu du travail",
    "area_collegues": "Relations avec les collègues",
    "area_management": "Encadrement",
    "area_remuneration": "Rémunération",
    "area_charge": "Charge de travail",
    "area_sens": "Sens du travail",
    "area_equilibre": "Équilibre de vie",
    "area_sante": "Santé",
    "area_famille": "Vie familiale",
    "area_finances": "Situation financière",
    "area_loisirs": "Loisirs et temps pour soi",
    # Confidentialité
    "at_a_glance": "En bref",
    "glance_project": "Le projet",
    "glance_strengths": "Les atouts les mieux étayés",
    "glance_steps": "Les prochaines étapes :",
    "aiming_for": "Devenir {job}.",
    "stories_n_one": "{count} récit",
    "stories_n_other": "{count} récits",
    "feedback_n_one": "{count} retour",
    "feedback_n_other": "{count} retours",
    "confidentiality": "Confidentialité",
    "confidentiality_law": (
        "Les résultats détaillés et le document de synthèse sont remis à la seule personne "
        "bénéficiaire du bilan. Ils ne peuvent être communiqués à un tiers qu'avec son "
        "accord (article L6313-4 du Code du travail). Les personnes qui réalisent le bilan ou "
        "qui en détiennent les résultats sont tenues au secret professionnel."
    ),
    "for_self_only": "Ce document est destiné à {name}, et à personne d'autre.",
    "shared_with": (
        "{name} a choisi de transmettre ce document {recipient} ; cet accord a été "
        "enregistré le {date}."
    ),
    "recipient_consultant": "à la personne qui l'accompagne dans ce bilan",
    "recipient_cep": "à son service de conseil en évolution professionnelle (CEP)",
    "recipient_employer": "à son employeur",
    "recipient_funder": "au financeur de son bilan",
    "recipient_other": "à un tiers de son choix",
    "private_left_out": (
        "Les réponses marquées comme privées (santé, vie familiale, revenus pendant la "
        "transition…) n'y figurent pas."
    ),
    "private_included": (
        "À la demande de la personne bénéficiaire, les réponses marquées comme privées y figurent."
    ),
    "partial_copy": (
        "Cette copie ne reprend qu'une partie du bilan, choisie par {name} : {parts}. "
        "Le reste n'y figure pas."
    ),
    "part_request": "la demande",
    "part_situation": "la situation et le parcours",
    "part_arrangements": "le déroulement du bilan",
    "part_competencies": "les compétences et aptitudes",
    "part_feedback": "les retours de l'entourage",
    "part_interests": "les intérêts, valeurs et motivations",
    "part_project": "le projet et les pistes",
    "part_interviews": "les enquêtes métier",
    "part_training": "la formation et son financement",
    "part_constraints": "les contraintes et ressources personnelles",
    "part_steps": "le plan d'action et le suivi",
    "part_observations": "les observations de la personne bénéficiaire",
    "part_extra": "les exercices d'autres packs",
    # Parties de la synthèse
    "section_circumstances": "Le cadre du bilan",
    "section_competencies": "Compétences et aptitudes",
    "section_interests": "Intérêts, valeurs et motivations",
    "section_project": "Le projet professionnel",
    "section_conditions": "Conditions et moyens de réalisation",
    "section_steps": "Les principales étapes",
    "section_observations": "Observations de la personne bénéficiaire",
    # 1. Le cadre du bilan
    "request": "La demande",
    "trigger": "Ce qui motive la démarche",
    "initiative": "Origine de la démarche",
    "initiative_feeling": "Ce qu'en pense la personne bénéficiaire",
    "expectations": "Attentes",
    "questions": "Questions posées au bilan",
    "success": "Ce qui en fera une réussite",
    "first_ideas": "Premières pistes envisagées",
    "deadlines": "Échéances",
    "situation": "La situation au début du bilan",
    "job": "Poste occupé",
    "sector": "Secteur",
    "status": "Statut",
    "experience": "Expérience professionnelle",
    "of_which_in_job_one": ", dont {count} dans le métier actuel",
    "of_which_in_job_other": ", dont {count} dans le métier actuel",
    "years_in_job_one": "{count} an dans le métier actuel",
    "years_in_job_other": "{count} ans dans le métier actuel",
    "years_one": "{count} an",
    "years_other": "{count} ans",
    "degree": "Diplôme le plus élevé",
    "certificates": "Diplômes et certifications",
    "weighs": "Ce qui pèse aujourd'hui",
    "support_points": "Points d'appui",
    "arrangements": "Le déroulement",
    "consultant": "Accompagnement",
    "period": "Période",
    "from_to": "du {start} au {end}",
    "since": "depuis le {start}",
    "format": "Entretiens en présentiel ou à distance",
    "pace": "Rythme",
    "funding": "Financement",
    "working_time": "Temps de travail",
    "no_hours": "Aucune heure n'a encore été inscrite au registre des heures.",
    "hours_total": (
        "Accompagnement : {used}, pour un maximum légal de {budget}. "
        "Travail personnel, en plus : {own}."
    ),
    "phase": "Phase",
    "accompaniment": "Accompagnement",
    "planned": "Prévu",
    "personal_work": "Travail personnel",
    "appendix_hours": "Annexe : les heures du bilan, phase par phase",
    "over_budget": "Le total d'accompagnement dépasse les 24 heures prévues par la loi.",
    # 2. Compétences et aptitudes
    "assets": "Atouts",
    "assets_count": (
        "Compétences assez maîtrisées pour être transmises, et souhaitées : {count}, dont "
        "{supported} appuyées par au moins un récit ou un retour."
    ),
    "no_assets": "Aucune compétence n'est encore à la fois maîtrisée et souhaitée.",
    "mastery_wish": "maîtrise {m}/3, envie {w}/3",
    "stories_cited_one": "le récit {titles}",
    "stories_cited_other": "les récits {titles}",
    "feedback_cited_one": "le retour {who}",
    "feedback_cited_other": "les retours {who}",
    "supported_by": "Illustré par {what}.",
    "list_sep": " ; ",
    "no_support_one": (
        "Atout déclaré sans récit ni retour pour l'illustrer encore : {count}, présenté dans les "
        "résultats détaillés."
    ),
    "no_support_other": (
        "Atouts déclarés sans récit ni retour pour les illustrer encore : {count}, présentés dans "
        "les résultats détaillés."
    ),
    "quadrant_assets": "Atouts (assez maîtrisés pour les transmettre, et souhaités)",
    "quadrant_to_develop": (
        "Compétences à développer (souhaitées, pas encore pleinement maîtrisées)"
    ),
    "more_in_detail_one": "Et {count} autre, présentée dans les résultats détaillés.",
    "more_in_detail_other": "Et {count} autres, présentées dans les résultats détaillés.",
    "quadrant_to_let_go": "Compétences à délaisser (maîtrisées, plus souhaitées)",
    "quadrant_neutral": "Compétences neutres (ni maîtrisées ni souhaitées)",
    "feedback": "Le regard de l'entourage",
    "aptitudes": "Aptitudes",
    "tied_for_place": "À égalité pour la {place} place, avec le même score : {names}.",
    "flat_profile": (
        "Le profil est peu contrasté ({spread} points d'écart entre le plus haut et le plus "
        "bas) : il se lit comme une base de discussion plutôt que comme un verdict."
    ),
    # 3. Intérêts, valeurs et motivations
    "interests": "Centres d'intérêt",
    "code": "Code d'intérêts",
    "strongest": "Dominantes",
    "ties": "Ex æquo : {groups}.",
    "consistency_adjacent": (
        "Les deux premiers types sont proches l'un de l'autre : beaucoup de métiers les réunissent."
    ),
    "consistency_alternate": (
        "Les deux premiers types sont assez proches : un bon nombre de métiers les réunissent."
    ),
    "consistency_opposite": (
        "Les deux premiers types sont éloignés l'un de l'autre : peu de métiers les réunissent. "
        "C'est une tension à explorer, pas une contradiction."
    ),
    "limit_mark": "limite",
    "breaks_limit": "(écartée : elle franchit une limite)",
    "ranking_holds": (
        "La piste en tête le reste si l'on change d'un point le poids de n'importe quel critère."
    ),
    "ranking_flips_more": (
        "Un point de poids en plus sur « {criterion} » ferait passer « {lead} » en tête."
    ),
    "ranking_flips_less": (
        "Un point de poids en moins sur « {criterion} » ferait passer « {lead} » en tête."
    ),
    "ranking_fragile_one": "{count} changement d'un point modifie ainsi la tête du classement.",
    "ranking_fragile_other": (
        "{count} changements d'un point modifient ainsi la tête du classement : elle est fragile."
    ),
    "forced_pair": "A : {first} / B : {second}",
    "near_ties": (
        "Presque à égalité : {pairs}. Le questionnaire ne tranche pas leur ordre, qui peut se "
        "lire dans les deux sens."
    ),
    "near_pair": "{a} ({sa}) et {b} ({sb})",
    "self_assessed": (
        "Ce qui ressort le plus des réponses au questionnaire (une auto-évaluation, pas un test) :"
    ),
    "values": "Valeurs",
    "values_undefined": (
        "Une valeur sans définition personnelle est suivie de sa description dans le cahier."
    ),
    "motivations": "Motivations",
    "energises": "Ce qui donne de l'énergie",
    "drains": "Ce qui épuise",
    "deal_breakers": "Ce qui n'est plus acceptable",
    "setting": "Cadre de travail souhaité",
    "setting_structure": "Type de structure",
    "setting_sectors": "Secteurs attirants",
    "setting_avoid": "Secteurs à éviter",
    "setting_team": "En solitaire ou en équipe",
    "setting_place": "Lieu de travail",
    "setting_pace": "Rythme",
    "setting_remote": "Télétravail",
    "setting_hours": "Horaires",
    "setting_travel": "Déplacements",
    "setting_commute": "Trajet maximal (aller)",
    "setting_salary_floor": "Salaire plancher",
    "setting_salary_target": "Salaire visé d'ici deux ou trois ans",
    "setting_responsibility": "Niveau de responsabilité",
    "scale_end": "{side} ({value} sur {max})",
    "scale_leaning": "plutôt {side} ({value} sur {max})",
    "scale_middle": "à mi-chemin entre « {low} » et « {high} »",
    "minutes_one": "{count} minute",
    "minutes_other": "{count} minutes",
    "months_one": "{count} mois",
    "months_other": "{count} mois",
    "euros": "{amount} €",
    "euros_per_year": "{amount} € bruts par an",
    "euros_per_month": "{amount} € nets par mois",
    "ideal_day": "Journée de travail idéale",
    # 4. Le projet professionnel
    "project_statement": "Le projet retenu",
    "target_job": "Métier visé",
    "rome_code": "Code ROME",
    "setting_of_job": "Cadre d'exercice",
    "fit_interests": "Cohérence avec les centres d'intérêt",
    "fit_values": "Valeurs respectées",
    "strengths_used": "Atouts mobilisés",
    "realism": "Ce qui le rend réaliste",
    "training_needed": "Projet de formation",
    "alternatives": "Pistes comparées et alternatives",
    "main_project": "Projet principal",
    "alternative": "Alternative retenue",
    "fallback": "Projet de repli",
    "matrix_ranking": "Classement des pistes selon la grille de décision :",
    "rank": "Rang",
    "lead": "Piste",
    "share": "Part du maximum",
    "percent": "{value} %",
    "incomplete": "(évaluation incomplète)",
    "leads_explored": "Pistes explorées :",
    "ranking_comment": "Lecture du classement",
    "interviews": "Enquêtes métier",
    "interview_date": "Date",
    "occupation": "Métier",
    "lessons": "Ce que chaque enquête a appris :",
    "interviewee": "Personne rencontrée",
    "interview_mode": "Forme de l'échange",
    "verdict": "Effet sur la piste",
    # 5. Conditions et moyens
    "training": "Leviers, obstacles et formation",
    "levers": "Leviers",
    "obstacles": "Obstacles et parades",
    "training_name": "Formation ou certification visée",
    "rncp_code": "Code RNCP",
    "training_provider": "Organisme de formation",
    "training_length": "Durée",
    "training_cost": "Coût",
    "training_funding": "Financement envisagé",
    "cpf_balance": "Solde du CPF",
    "vae": "Validation des acquis de l'expérience (VAE)",
    "vae_yes": "envisagée",
    "vae_yes_for": "envisagée, pour {target}",
    "vae_no": "non retenue",
    "transition_income": "Revenus pendant la transition",
    "support_after": "Soutiens après le bilan",
    "constraints": "Contraintes et ressources",
    "mobility": "Mobilité géographique",
    "moving_house": "Déménagement envisageable",
    "income_floor": "Revenu minimum nécessaire",
    "financial_margin": "Marge financière",
    "time_available": "Temps disponible",
    "family_constraints": "Contraintes familiales",
    "functional_limits": "Limites à respecter pour la santé",
    "network": "Réseau",
    "supporters": "Soutiens",
    # 6. Les principales étapes
    "action_plan": "Plan d'action",
    "deadline": "Échéance",
    "step": "Étape",
    "indicator": "Indicateur de réussite",
    "helper": "Appui",
    "state": "Avancement",
    "follow_up": "Entretien de suivi",
    "follow_up_on": "Un entretien de suivi est prévu le {date}.",
    "review_points": "Ce qui sera revu",
    "progress_signs": "Signes de progrès",
    "contact": "Contact pour ce rendez-vous",
    "note_to_self": "Un mot pour soi, à relire dans six mois",
    # 7. Observations
    "themes_intro": "Sur chacun des résultats :",
    "theme_interests": "Centres d'intérêt",
    "theme_values": "Valeurs",
    "theme_skills": "Compétences",
    "theme_aptitudes": "Aptitudes",
    "theme_motivations": "Motivations",
    "theme_project": "Projet",
    "surprises": "Ce qui a surpris",
    # Résultats détaillés
    "dimension": "Dimension",
    "score": "Score",
    "items_answered": "Réponses",
    "item_answers": "Réponses item par item",
    "statement": "Affirmation",
    "answer": "Réponse",
    "cards_missing_one": (
        "Il manque {count} carte dans la première pile pour compléter le classement."
    ),
    "cards_missing_other": (
        "Il manque {count} cartes dans la première pile pour compléter le classement."
    ),
    "unsorted": "Pas encore classées",
    "stories_in_brackets": "(récits : {titles})",
    "unrated_items_one": "{count} élément n'est pas encore évalué.",
    "unrated_items_other": "{count} éléments ne sont pas encore évalués.",
    "no_options": "Aucune piste à comparer pour l'instant.",
    "criterion_weight": "Critère (poids)",
    "total": "Total",
    "orphans": "Réponses qui ne figurent plus dans le cahier",
    "orphans_explained": (
        "Ces réponses ont été écrites pour des questions que la version actuelle du cahier "
        "ne pose plus. Elles sont conservées telles quelles."
    ),
    "orphans_withheld_one": (
        "{count} réponse ancienne n'est pas reprise : on ne peut plus savoir si elle était privée."
    ),
    "orphans_withheld_other": (
        "{count} réponses anciennes ne sont pas reprises : on ne peut plus savoir si elles "
        "étaient privées."
    ),
    "due": "Échéance",
    "consultant_message": "Message joint à ce travail",
}


def _typeset(text: str) -> str:
    """Non-breaking spaces where French typography wants them."""
    for mark in (":", ";", "?", "!", "»", "%", "€"):
        text = text.replace(" " + mark, "\u00a0" + mark)
    return text.replace("« ", "«\u00a0")


FR = {key: _typeset(value) for key, value in _PHRASES.items()}
