"""The eight age stages, from pregnancy to young adulthood, with Spanish and Arabic names.
Colours are dark enough for white text (WCAG AA)."""

AGE_STAGES = [
    # slug, name, age label, months from, months to, colour, icon
    ("expecting", "Expecting", "Pregnancy", None, None, "#8e3b72", "pregnancy"),
    ("baby", "Baby", "0 to 11 months", 0, 11, "#1f5f8b", "baby"),
    ("toddler", "Toddler", "1 to 3 years", 12, 47, "#2e6b30", "toddler"),
    ("preschooler", "Pre-Schooler", "4 to 5 years", 48, 71, "#a0461a", "preschooler"),
    ("grade-schooler", "Grade-Schooler", "6 to 10 years", 72, 131, "#5e35b1", "child"),
    ("preteen", "Pre-Teen", "11 to 12 years", 132, 155, "#ad1457", "preteen"),
    ("teen", "Teen", "13 to 18 years", 156, 227, "#00695c", "teen"),
    ("young-adult", "Young Adult", "19 to 24 years", 228, 299, "#37474f", "young-adult"),
]

TRANSLATIONS = {
    "es": {
        "Expecting": "Embarazo",
        "Pregnancy": "Durante el embarazo",
        "Baby": "Bebé",
        "0 to 11 months": "0 a 11 meses",
        "Toddler": "Niño pequeño",
        "1 to 3 years": "1 a 3 años",
        "Pre-Schooler": "Preescolar",
        "4 to 5 years": "4 a 5 años",
        "Grade-Schooler": "Escolar",
        "6 to 10 years": "6 a 10 años",
        "Pre-Teen": "Preadolescente",
        "11 to 12 years": "11 a 12 años",
        "Teen": "Adolescente",
        "13 to 18 years": "13 a 18 años",
        "Young Adult": "Adulto joven",
        "19 to 24 years": "19 a 24 años",
    },
    "ar": {
        "Expecting": "الحمل",
        "Pregnancy": "أثناء الحمل",
        "Baby": "رضيع",
        "0 to 11 months": "من 0 إلى 11 شهرًا",
        "Toddler": "طفل صغير",
        "1 to 3 years": "من سنة إلى 3 سنوات",
        "Pre-Schooler": "ما قبل المدرسة",
        "4 to 5 years": "من 4 إلى 5 سنوات",
        "Grade-Schooler": "طفل في المدرسة",
        "6 to 10 years": "من 6 إلى 10 سنوات",
        "Pre-Teen": "ما قبل المراهقة",
        "11 to 12 years": "من 11 إلى 12 سنة",
        "Teen": "مراهق",
        "13 to 18 years": "من 13 إلى 18 سنة",
        "Young Adult": "شاب بالغ",
        "19 to 24 years": "من 19 إلى 24 سنة",
    },
}
