"""The shipped packs' phases and exercise titles, written by ``tools/outline.py``.

Do not edit: change ``content/`` and run ``python tools/outline.py``. Read by
``preview.py`` for the dashboard's first frame.
"""

# ruff: noqa: E501 (generated data: one title or summary per line)
from __future__ import annotations

from typing import Final

OUTLINES: Final = {
    "fr": (
        "bilan",
        "fr",
        "Bilan de compétences",
        (
            (
                "preliminaire",
                (
                    (
                        "demande",
                        "Ma demande",
                        "form",
                        30,
                        "Pourquoi maintenant, ce que vous attendez du bilan, les questions à éclaircir.",
                    ),
                    (
                        "situation",
                        "Ma situation",
                        "form",
                        20,
                        "Votre poste, votre statut, et votre satisfaction de 0 à 10 dans chaque domaine de vie.",
                    ),
                    (
                        "modalites",
                        "Les modalités de mon bilan",
                        "form",
                        15,
                        "Format, rythme, financement, heures prévues, accord et confidentialité, ce que vous partagez.",
                    ),
                    (
                        "ligne-de-vie",
                        "Ma ligne de vie",
                        "records",
                        40,
                        "Les événements qui ont compté, des plus heureux aux plus difficiles, et ce qu'ils vous ont appris.",
                    ),
                ),
            ),
            (
                "investigation",
                (
                    (
                        "parcours",
                        "Mon parcours",
                        "records",
                        60,
                        "Vos emplois, formations et engagements : ce que vous y avez fait, aimé, moins aimé.",
                    ),
                    (
                        "realisations",
                        "Mes réalisations",
                        "records",
                        90,
                        "Cinq à dix récits de moments réussis : la preuve de vos compétences.",
                    ),
                    (
                        "competences",
                        "Mes compétences",
                        "grid",
                        45,
                        "Ce que vous savez faire, et ce que vous avez envie de refaire.",
                    ),
                    (
                        "aptitudes",
                        "Mes aptitudes",
                        "likert",
                        15,
                        "Ce qui vous vient facilement, dans douze domaines de la vie courante.",
                    ),
                    (
                        "interets",
                        "Mes centres d'intérêt",
                        "likert",
                        20,
                        "Quarante-huit activités à noter selon l'envie : votre code à trois lettres.",
                    ),
                    (
                        "valeurs",
                        "Mes valeurs",
                        "cardsort",
                        25,
                        "Ce qu'un travail doit respecter pour vous : un tri de cartes, puis vos cinq essentielles.",
                    ),
                    (
                        "motivations",
                        "Mes motivations",
                        "likert",
                        15,
                        "Ce qui vous fait avancer dans votre vie professionnelle, ce qui vous épuise, vos limites.",
                    ),
                    (
                        "environnement",
                        "Mon environnement idéal",
                        "form",
                        30,
                        "Le cadre où vous donnez le meilleur : structure, rythme, horaires, salaire.",
                    ),
                    (
                        "contraintes",
                        "Mes contraintes et ressources",
                        "form",
                        30,
                        "Ce que votre projet doit respecter, et ce sur quoi vous pouvez compter.",
                    ),
                    (
                        "entourage",
                        "Le regard des autres",
                        "records",
                        45,
                        "Les forces que vos proches et vos collègues vous reconnaissent.",
                    ),
                    (
                        "pistes",
                        "Mes pistes",
                        "records",
                        60,
                        "Les métiers et les idées à explorer, d'où ils viennent, ce qu'il reste à vérifier.",
                    ),
                    (
                        "enquetes",
                        "Mes enquêtes métier",
                        "records",
                        180,
                        "Rencontrer des gens du métier pour vérifier une piste avant de s'engager.",
                    ),
                    (
                        "comparaison",
                        "Mes pistes comparées",
                        "matrix",
                        45,
                        "Peser vos pistes selon vos critères, pour choisir un projet et au moins une alternative.",
                    ),
                ),
            ),
            (
                "conclusions",
                (
                    (
                        "appropriation",
                        "Mon regard sur mes résultats",
                        "form",
                        30,
                        "Ce que vous pensez de chaque résultat du bilan : d'accord, en partie, pas d'accord, et pourquoi.",
                    ),
                    (
                        "projet",
                        "Mon projet",
                        "form",
                        45,
                        "Votre projet avec vos mots, le métier visé, pourquoi il vous va, et votre piste de rechange.",
                    ),
                    (
                        "conditions",
                        "Conditions et moyens",
                        "form",
                        45,
                        "Ce qui vous aide, ce qui vous freine et sa parade, la formation, son financement, la VAE, vos soutiens.",
                    ),
                    (
                        "plan-action",
                        "Mon plan d'action",
                        "records",
                        30,
                        "Les étapes de votre projet, datées, avec ce qu'il faut, qui aide, et comment savoir que c'est fait.",
                    ),
                    (
                        "suivi",
                        "Mon entretien de suivi",
                        "form",
                        15,
                        "La date de l'entretien de suivi, environ six mois après la fin, et ce que vous y regarderez.",
                    ),
                    (
                        "entretien-suivi",
                        "Le point à six mois",
                        "form",
                        30,
                        "Le jour de l'entretien de suivi : où en est votre plan, votre situation comparée au départ, ce que le bilan vous a apporté.",
                    ),
                ),
            ),
        ),
    ),
    "en": (
        "bilan",
        "en",
        "Skills assessment (bilan de compétences)",
        (
            (
                "preliminaire",
                (
                    (
                        "demande",
                        "My request",
                        "form",
                        30,
                        "Why now, what you expect from the bilan, the questions you want answered.",
                    ),
                    (
                        "situation",
                        "Where I stand",
                        "form",
                        20,
                        "Your job, your status, and how satisfied you are, 0 to 10, in each area of life.",
                    ),
                    (
                        "modalites",
                        "How my bilan is arranged",
                        "form",
                        15,
                        "Format, rhythm, funding, planned hours, consent and confidentiality, what you share.",
                    ),
                    (
                        "ligne-de-vie",
                        "My lifeline",
                        "records",
                        40,
                        "The events that mattered, from the happiest to the hardest, and what they taught you.",
                    ),
                ),
            ),
            (
                "investigation",
                (
                    (
                        "parcours",
                        "My path so far",
                        "records",
                        60,
                        "Your jobs, training and commitments: what you did, what you liked, what you didn't.",
                    ),
                    (
                        "realisations",
                        "My achievements",
                        "records",
                        90,
                        "Five to ten stories of times things went well: the evidence for your skills.",
                    ),
                    (
                        "competences",
                        "My skills",
                        "grid",
                        45,
                        "What you can do, and what you want to do again.",
                    ),
                    (
                        "aptitudes",
                        "My aptitudes",
                        "likert",
                        15,
                        "What comes easily to you, across twelve everyday areas.",
                    ),
                    (
                        "interets",
                        "My interests",
                        "likert",
                        20,
                        "Forty-eight activities rated by how much you'd like to do them: your three-letter code.",
                    ),
                    (
                        "valeurs",
                        "My values",
                        "cardsort",
                        25,
                        "What a job must honour for you: a card sort, then your five essentials.",
                    ),
                    (
                        "motivations",
                        "My motivations",
                        "likert",
                        15,
                        "What drives you at work, what drains you, and where you draw the line.",
                    ),
                    (
                        "environnement",
                        "My ideal work setting",
                        "form",
                        30,
                        "Where you do your best work: organisation, pace, hours, pay.",
                    ),
                    (
                        "contraintes",
                        "My constraints and resources",
                        "form",
                        30,
                        "What your project has to respect, and what you can count on.",
                    ),
                    (
                        "entourage",
                        "How others see me",
                        "records",
                        45,
                        "The strengths your friends, family and colleagues see in you.",
                    ),
                    (
                        "pistes",
                        "My leads",
                        "records",
                        60,
                        "Jobs and ideas to explore, where they came from, what you still need to check.",
                    ),
                    (
                        "enquetes",
                        "My informational interviews",
                        "records",
                        180,
                        "Talking to people who do the job, to check a lead before you commit.",
                    ),
                    (
                        "comparaison",
                        "My leads compared",
                        "matrix",
                        45,
                        "Weigh your leads against your own criteria, to choose a project and at least one alternative.",
                    ),
                ),
            ),
            (
                "conclusions",
                (
                    (
                        "appropriation",
                        "My view of my results",
                        "form",
                        30,
                        "What you think of each result of the bilan: agree, partly, disagree, and why.",
                    ),
                    (
                        "projet",
                        "My project",
                        "form",
                        45,
                        "Your project in your own words, the job you are aiming for, why it suits you, and your plan B.",
                    ),
                    (
                        "conditions",
                        "What it will take",
                        "form",
                        45,
                        "What helps, what holds you back and how to get round it, training and its funding, VAE, your support.",
                    ),
                    (
                        "plan-action",
                        "My action plan",
                        "records",
                        30,
                        "The steps of your project, dated, with what you need, who helps, and how you will know it is done.",
                    ),
                    (
                        "suivi",
                        "My follow-up",
                        "form",
                        15,
                        "The date of the follow-up interview, about six months after the end, and what you will review.",
                    ),
                    (
                        "entretien-suivi",
                        "The six-month review",
                        "form",
                        30,
                        "On the day of the follow-up interview: where your plan stands, your situation compared with the start, what the bilan gave you.",
                    ),
                ),
            ),
        ),
    ),
}
