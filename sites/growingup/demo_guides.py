"""Demo age guides, one per stage, in plain language. Milestones follow the widely used public
checklists (such as CDC's "Learn the Signs. Act Early."), in our own simple words."""

EARLY_INTERVENTION = (
    "Early Intervention",
    "Children under 3",
    "Call 311 and ask for Early Intervention. A free evaluation checks how your child is growing. Services are free.",
    "311",
    "https://www.nyc.gov/site/doh/health/health-topics/early-intervention.page",
)
CPSE = (
    "Preschool special education (CPSE)",
    "Children 3 to 5",
    "Ask your school district’s Committee on Preschool Special Education (CPSE) for a free evaluation. Call 311 to find your district’s office.",
    "311",
    "https://www.schools.nyc.gov/learning/special-education/preschool-to-age-5",
)
SCHOOL_EVALUATION = (
    "Special education at school",
    "Children 5 to 21 in public school",
    "Write to your child’s principal and ask for a special education evaluation. It is free.",
    "",
    "https://www.schools.nyc.gov/learning/special-education",
)
CRISIS_LINE = (
    "988 Suicide and Crisis Lifeline",
    "Anyone who is upset or in crisis",
    "Call or text 988 any time, day or night. It is free and private, and you can ask for another language.",
    "988",
    "https://988lifeline.org/",
)
HEALTH_HOSPITALS = (
    "NYC Health + Hospitals",
    "Anyone, whatever your immigration status or income",
    "Call to find a doctor or clinic near you. You can get care even if you cannot pay.",
    "1-844-692-4692",
    "https://www.nychealthandhospitals.org/",
)

GUIDES = [
    {
        "slug": "expecting",
        "title": "Expecting",
        "hero_heading": "Expecting a baby",
        "summary": "What happens during pregnancy, how to stay healthy, and where to get free care.",
        "intro": "<p>Pregnancy lasts about 40 weeks. Your baby grows fast, and your body changes too. Regular checkups help you and your baby stay healthy.</p>",
        "milestones": {
            "health": [
                "Have your first prenatal checkup early, in the first 3 months",
                "Take a prenatal vitamin with folic acid every day",
                "Get checkups about once a month, then more often near the end",
                "Get the vaccines your doctor suggests, like flu and whooping cough",
            ],
            "movement": [
                "You may feel your baby move for the first time at about 18 to 20 weeks",
                "Near the end, your baby kicks and turns every day",
            ],
            "language": [
                "By about 6 months of pregnancy, your baby can hear your voice",
            ],
            "social-emotional": [
                "Feeling tired, happy or worried are all common. Talk about your feelings",
                "Pick someone who can help you after the baby comes",
            ],
        },
        "signs": [
            "Bleeding or fluid coming from your vagina",
            "A very bad headache that does not go away",
            "Sudden swelling of your face or hands",
            "Your baby moves less than usual",
            "A fever, or feeling very sad or hopeless for more than two weeks",
        ],
        "help": [
            HEALTH_HOSPITALS,
            (
                "Emergency",
                "",
                "Call 911 if you have heavy bleeding, bad pain, or trouble breathing.",
                "911",
                "",
            ),
        ],
        "quick_tip": "Talk and sing to your belly. In the last months your baby learns your voice.",
    },
    {
        "slug": "baby",
        "title": "Baby",
        "hero_heading": "Your baby: birth to 11 months",
        "summary": "How babies grow in the first year, what to watch for, and simple ways to help.",
        "intro": "<p>In the first year, your baby learns to smile, babble, sit and maybe crawl. Babies learn best when you hold them, talk to them and answer their sounds.</p>",
        "milestones": {
            "social-emotional": [
                "Smiles at people by about 2 months",
                "Laughs out loud by about 6 months",
                "Knows familiar faces and may be shy with strangers by 9 months",
            ],
            "language": [
                "Coos and makes sounds by about 4 months",
                "Turns toward your voice",
                "Babbles sounds like “mamama” or “bababa” by 9 months",
            ],
            "learning": [
                "Watches your face and follows moving things with their eyes",
                "Looks for a toy you hide by about 9 months",
            ],
            "movement": [
                "Holds their head up during tummy time by about 4 months",
                "Rolls over and sits without help by about 9 months",
            ],
            "health": [
                "Gets well-baby checkups and vaccines on time",
            ],
        },
        "signs": [
            "Does not smile at people by 3 months",
            "Does not hold their head steady by 4 months",
            "Does not make sounds or turn toward sounds",
            "Does not sit with help by 9 months",
            "Loses skills they used to have",
        ],
        "help": [EARLY_INTERVENTION],
        "quick_tip": "Answer your baby’s coos and babbles as if you were having a chat. Back-and-forth talk builds the brain.",
    },
    {
        "slug": "toddler",
        "title": "Toddler",
        "hero_heading": "Your toddler: 1 to 3 years",
        "summary": "How toddlers grow, talk and play, what to watch for, and where to get help.",
        "intro": "<p>Toddlers are busy! They walk, climb, say new words every week and want to do things by themselves. Play, talk and read together every day.</p>",
        "milestones": {
            "social-emotional": [
                "Copies what adults and other children do",
                "Shows you things they like",
                "Plays next to other children, then with them",
            ],
            "language": [
                "Says several words by 18 months",
                "Puts two words together, like “more milk”, by 2 years",
                "Talks in short sentences by 3 years",
            ],
            "learning": [
                "Points to things in a book when you ask",
                "Plays pretend, like feeding a doll",
            ],
            "movement": [
                "Walks alone by about 18 months",
                "Kicks a ball and climbs on furniture",
            ],
            "health": [
                "Goes to the dentist by the first birthday, then twice a year",
            ],
        },
        "signs": [
            "Does not walk by 18 months",
            "Does not say at least 6 words by 18 months",
            "Does not point to show you things",
            "Does not copy what others do",
            "Loses words or skills they used to have",
        ],
        "help": [EARLY_INTERVENTION, CPSE],
        "quick_tip": "Name what your toddler sees and does: “You found the red ball!” New words grow from everyday talk.",
    },
    {
        "slug": "preschooler",
        "title": "Pre-Schooler",
        "hero_heading": "Your pre-schooler: 4 to 5 years",
        "summary": "How pre-schoolers learn and get ready for school, and where to get help.",
        "intro": "<p>Pre-schoolers ask a lot of questions. They make friends, tell stories and get ready for kindergarten. Free 3-K and Pre-K help them learn with others.</p>",
        "milestones": {
            "social-emotional": [
                "Takes turns in games with other children",
                "Comforts a friend who is sad",
                "Follows simple rules",
            ],
            "language": [
                "Tells a story with a beginning and an end",
                "Answers simple questions about a book",
            ],
            "learning": [
                "Counts to 10",
                "Names some letters and colors",
            ],
            "movement": [
                "Hops on one foot",
                "Uses scissors and draws a person with a few body parts",
            ],
            "health": [
                "Gets a yearly checkup and eye exam",
            ],
        },
        "signs": [
            "Is hard to understand when talking",
            "Does not play pretend or games with others",
            "Cannot follow two-step directions, like “put on your shoes and get your coat”",
            "Loses skills they used to have",
        ],
        "help": [CPSE],
        "quick_tip": "Ask “what do you think happens next?” when you read together.",
    },
    {
        "slug": "grade-schooler",
        "title": "Grade-Schooler",
        "hero_heading": "Your grade-schooler: 6 to 10 years",
        "summary": "How children grow in the early school years, and how to support them.",
        "intro": "<p>In elementary school, children learn to read, write and solve problems. Friends matter more. They need sleep, play and a caring adult who listens.</p>",
        "milestones": {
            "social-emotional": [
                "Makes and keeps friends",
                "Starts to understand how others feel",
            ],
            "language": [
                "Reads simple books alone by about 7",
                "Tells you about their day in detail",
            ],
            "learning": [
                "Adds and subtracts, then learns times tables",
                "Can focus on homework for longer",
            ],
            "movement": [
                "Rides a bike and plays team sports",
                "Writes neatly",
            ],
            "health": [
                "Needs 9 to 12 hours of sleep each night",
                "Gets a yearly checkup and dental visits",
            ],
        },
        "signs": [
            "Struggles a lot with reading, writing or math",
            "Has trouble making friends",
            "Seems very worried or sad, or has stomach aches before school",
        ],
        "help": [SCHOOL_EVALUATION, CRISIS_LINE],
        "quick_tip": "Read together for 20 minutes a day, even after your child can read alone.",
    },
    {
        "slug": "preteen",
        "title": "Pre-Teen",
        "hero_heading": "Your pre-teen: 11 to 12 years",
        "summary": "Bodies, friendships and feelings change in the pre-teen years. How to stay close.",
        "intro": "<p>Pre-teens start puberty and middle school. They want more freedom, and friends become very important. Keep talking, even when they say little.</p>",
        "milestones": {
            "social-emotional": [
                "Cares a lot about what friends think",
                "Wants more privacy",
            ],
            "language": [
                "Shares opinions and can argue a point",
            ],
            "learning": [
                "Thinks about ideas, not just things they can see",
                "Plans and organizes schoolwork with some help",
            ],
            "movement": [
                "Grows fast; body changes with puberty",
            ],
            "health": [
                "Needs 9 to 12 hours of sleep each night",
                "Gets the vaccines for this age, like HPV",
            ],
        },
        "signs": [
            "Pulls away from friends and family",
            "Big changes in sleep, eating or grades",
            "Talks about hurting themselves",
        ],
        "help": [CRISIS_LINE, SCHOOL_EVALUATION],
        "quick_tip": "Car rides and walks are good times to talk. Side by side feels easier than face to face.",
    },
    {
        "slug": "teen",
        "title": "Teen",
        "hero_heading": "Your teen: 13 to 18 years",
        "summary": "How to support a teenager on the way to adulthood.",
        "intro": "<p>Teens are becoming adults. They make more of their own choices, may work a first job and think about the future. They still need you.</p>",
        "milestones": {
            "social-emotional": [
                "Shows more independence from parents",
                "Forms close friendships and may date",
            ],
            "language": [
                "Can explain their point of view clearly",
            ],
            "learning": [
                "Plans for the future: school, training or work",
                "Understands how choices have results later",
            ],
            "movement": [
                "Finishes growing; strength and coordination improve",
            ],
            "health": [
                "Needs 8 to 10 hours of sleep each night",
                "Starts to manage their own health visits",
            ],
        },
        "signs": [
            "Seems sad, angry or hopeless most days",
            "Uses alcohol or drugs",
            "Stops going to school",
        ],
        "help": [CRISIS_LINE],
        "quick_tip": "Ask for your teen’s opinion on a family decision. Being trusted helps teens grow.",
    },
    {
        "slug": "young-adult",
        "title": "Young Adult",
        "hero_heading": "Your young adult: 19 to 24 years",
        "summary": "Work, school and living on their own: how to help a young adult find their way.",
        "intro": "<p>Young adults finish school or training, start working and learn to live on their own. Generation NYC has guides written for them.</p>",
        "milestones": {
            "social-emotional": [
                "Builds relationships outside the family",
                "Takes on adult roles and responsibilities",
            ],
            "language": [
                "Speaks up for themselves at work, school and the doctor",
            ],
            "learning": [
                "Finishes high school, college or job training",
                "Learns to manage money and pay bills",
            ],
            "movement": [
                "Keeps active: regular exercise helps body and mind",
            ],
            "health": [
                "Gets their own health insurance and doctor",
                "Gets a yearly checkup and knows how to refill a prescription",
            ],
        },
        "signs": [
            "Cannot get out of bed or stops taking care of themselves",
            "Talks about hurting themselves",
        ],
        "help": [CRISIS_LINE, HEALTH_HOSPITALS],
        "quick_tip": "Offer help without taking over. Ask “what would help you most right now?”",
    },
]

INDEX = {
    "title": "Age guides",
    "summary": "What to expect at every age, from pregnancy to young adulthood.",
    "intro": "<p>Pick your child’s age to see milestones, tips, and programs and events for that age.</p>",
}

INDEX_TRANSLATIONS = {
    "es": {
        "Age guides": "Guías por edad",
        "What to expect at every age, from pregnancy to young adulthood.": "Qué esperar en cada edad, desde el embarazo hasta la adultez joven.",
        "Pick your child’s age to see milestones, tips, and programs and events for that age.": "Elija la edad de su hijo para ver los logros, consejos, programas y eventos para esa edad.",
    },
    "ar": {
        "Age guides": "أدلة حسب العمر",
        "What to expect at every age, from pregnancy to young adulthood.": "ما يمكن توقعه في كل عمر، من الحمل حتى بداية سن الرشد.",
        "Pick your child’s age to see milestones, tips, and programs and events for that age.": "اختر عمر طفلك لترى مراحل النمو والنصائح والبرامج والفعاليات المناسبة لهذا العمر.",
    },
}

EARLY_INTERVENTION_ES = {
    "Early Intervention": "Intervención Temprana (Early Intervention)",
    "Children under 3": "Niños menores de 3 años",
    "Call 311 and ask for Early Intervention. A free evaluation checks how your child is growing. Services are free.": "Llame al 311 y pida Intervención Temprana. Una evaluación gratis revisa cómo está creciendo su hijo. Los servicios son gratis.",
}
EARLY_INTERVENTION_AR = {
    "Early Intervention": "التدخّل المبكر (Early Intervention)",
    "Children under 3": "الأطفال دون سن 3 سنوات",
    "Call 311 and ask for Early Intervention. A free evaluation checks how your child is growing. Services are free.": "اتصل بالرقم 311 واطلب خدمة التدخّل المبكر. يفحص تقييم مجاني كيف ينمو طفلك. الخدمات مجانية.",
}

GUIDE_TRANSLATIONS = {
    "baby": {
        "es": {
            "Baby": "Bebé",
            "Your baby: birth to 11 months": "Su bebé: del nacimiento a los 11 meses",
            "How babies grow in the first year, what to watch for, and simple ways to help.": "Cómo crecen los bebés el primer año, a qué prestar atención y formas sencillas de ayudar.",
            "In the first year, your baby learns to smile, babble, sit and maybe crawl. Babies learn best when you hold them, talk to them and answer their sounds.": "En el primer año, su bebé aprende a sonreír, balbucear, sentarse y quizás gatear. Los bebés aprenden mejor cuando usted los carga, les habla y responde a sus sonidos.",
            "Smiles at people by about 2 months": "Sonríe a las personas alrededor de los 2 meses",
            "Laughs out loud by about 6 months": "Se ríe a carcajadas alrededor de los 6 meses",
            "Knows familiar faces and may be shy with strangers by 9 months": "Reconoce caras conocidas y puede ser tímido con extraños a los 9 meses",
            "Coos and makes sounds by about 4 months": "Hace sonidos y gorjeos alrededor de los 4 meses",
            "Turns toward your voice": "Se voltea hacia su voz",
            "Babbles sounds like “mamama” or “bababa” by 9 months": "Balbucea sonidos como “mamama” o “bababa” a los 9 meses",
            "Watches your face and follows moving things with their eyes": "Mira su cara y sigue con los ojos las cosas que se mueven",
            "Looks for a toy you hide by about 9 months": "Busca un juguete que usted esconde alrededor de los 9 meses",
            "Holds their head up during tummy time by about 4 months": "Levanta la cabeza boca abajo alrededor de los 4 meses",
            "Rolls over and sits without help by about 9 months": "Se da vuelta y se sienta sin ayuda alrededor de los 9 meses",
            "Gets well-baby checkups and vaccines on time": "Va a sus chequeos de bebé sano y recibe sus vacunas a tiempo",
            "Does not smile at people by 3 months": "No sonríe a las personas a los 3 meses",
            "Does not hold their head steady by 4 months": "No sostiene la cabeza firme a los 4 meses",
            "Does not make sounds or turn toward sounds": "No hace sonidos ni se voltea hacia los sonidos",
            "Does not sit with help by 9 months": "No se sienta con ayuda a los 9 meses",
            "Loses skills they used to have": "Pierde habilidades que ya tenía",
            "Answer your baby’s coos and babbles as if you were having a chat. Back-and-forth talk builds the brain.": "Responda a los gorjeos y balbuceos de su bebé como si conversaran. Hablar por turnos desarrolla el cerebro.",
            **EARLY_INTERVENTION_ES,
        },
        "ar": {
            "Baby": "رضيع",
            "Your baby: birth to 11 months": "طفلك الرضيع: من الولادة حتى 11 شهرًا",
            "How babies grow in the first year, what to watch for, and simple ways to help.": "كيف ينمو الرضّع في السنة الأولى، وما الذي يجب الانتباه إليه، وطرق بسيطة للمساعدة.",
            "In the first year, your baby learns to smile, babble, sit and maybe crawl. Babies learn best when you hold them, talk to them and answer their sounds.": "في السنة الأولى يتعلّم طفلك أن يبتسم ويناغي ويجلس وربما يحبو. يتعلّم الرضّع أفضل عندما تحملهم وتتحدّث إليهم وتردّ على أصواتهم.",
            "Smiles at people by about 2 months": "يبتسم للناس في عمر شهرين تقريبًا",
            "Laughs out loud by about 6 months": "يضحك بصوت عالٍ في عمر 6 أشهر تقريبًا",
            "Knows familiar faces and may be shy with strangers by 9 months": "يعرف الوجوه المألوفة وقد يخجل من الغرباء في عمر 9 أشهر",
            "Coos and makes sounds by about 4 months": "يناغي ويصدر أصواتًا في عمر 4 أشهر تقريبًا",
            "Turns toward your voice": "يلتفت نحو صوتك",
            "Babbles sounds like “mamama” or “bababa” by 9 months": "يردّد أصواتًا مثل «مامامـا» أو «بابابا» في عمر 9 أشهر",
            "Watches your face and follows moving things with their eyes": "ينظر إلى وجهك ويتابع الأشياء المتحركة بعينيه",
            "Looks for a toy you hide by about 9 months": "يبحث عن لعبة تخفيها في عمر 9 أشهر تقريبًا",
            "Holds their head up during tummy time by about 4 months": "يرفع رأسه وهو على بطنه في عمر 4 أشهر تقريبًا",
            "Rolls over and sits without help by about 9 months": "يتقلّب ويجلس دون مساعدة في عمر 9 أشهر تقريبًا",
            "Gets well-baby checkups and vaccines on time": "يحصل على الفحوص الدورية واللقاحات في موعدها",
            "Does not smile at people by 3 months": "لا يبتسم للناس في عمر 3 أشهر",
            "Does not hold their head steady by 4 months": "لا يثبّت رأسه في عمر 4 أشهر",
            "Does not make sounds or turn toward sounds": "لا يصدر أصواتًا ولا يلتفت نحو الأصوات",
            "Does not sit with help by 9 months": "لا يجلس بمساعدة في عمر 9 أشهر",
            "Loses skills they used to have": "يفقد مهارات كان يملكها",
            "Answer your baby’s coos and babbles as if you were having a chat. Back-and-forth talk builds the brain.": "ردّ على مناغاة طفلك كأنكما تتحادثان. الحديث المتبادل يبني الدماغ.",
            **EARLY_INTERVENTION_AR,
        },
    },
    "toddler": {
        "es": {
            "Toddler": "Niño pequeño",
            "Your toddler: 1 to 3 years": "Su niño pequeño: de 1 a 3 años",
            "How toddlers grow, talk and play, what to watch for, and where to get help.": "Cómo crecen, hablan y juegan los niños pequeños, a qué prestar atención y dónde encontrar ayuda.",
            "Toddlers are busy! They walk, climb, say new words every week and want to do things by themselves. Play, talk and read together every day.": "¡Los niños pequeños no paran! Caminan, trepan, dicen palabras nuevas cada semana y quieren hacer las cosas solos. Jueguen, hablen y lean juntos todos los días.",
            "Copies what adults and other children do": "Imita lo que hacen los adultos y otros niños",
            "Shows you things they like": "Le muestra cosas que le gustan",
            "Plays next to other children, then with them": "Juega al lado de otros niños y luego con ellos",
            "Says several words by 18 months": "Dice varias palabras a los 18 meses",
            "Puts two words together, like “more milk”, by 2 years": "Junta dos palabras, como “más leche”, a los 2 años",
            "Talks in short sentences by 3 years": "Habla con frases cortas a los 3 años",
            "Points to things in a book when you ask": "Señala cosas en un libro cuando usted le pregunta",
            "Plays pretend, like feeding a doll": "Juega a imaginar, como dar de comer a una muñeca",
            "Walks alone by about 18 months": "Camina solo alrededor de los 18 meses",
            "Kicks a ball and climbs on furniture": "Patea una pelota y se sube a los muebles",
            "Goes to the dentist by the first birthday, then twice a year": "Va al dentista antes de cumplir un año y luego dos veces al año",
            "Does not walk by 18 months": "No camina a los 18 meses",
            "Does not say at least 6 words by 18 months": "No dice al menos 6 palabras a los 18 meses",
            "Does not point to show you things": "No señala para mostrarle cosas",
            "Does not copy what others do": "No imita lo que hacen otros",
            "Loses words or skills they used to have": "Pierde palabras o habilidades que ya tenía",
            "Preschool special education (CPSE)": "Educación especial preescolar (CPSE)",
            "Children 3 to 5": "Niños de 3 a 5 años",
            "Ask your school district’s Committee on Preschool Special Education (CPSE) for a free evaluation. Call 311 to find your district’s office.": "Pida una evaluación gratis al Comité de Educación Especial Preescolar (CPSE) de su distrito escolar. Llame al 311 para encontrar la oficina de su distrito.",
            "Name what your toddler sees and does: “You found the red ball!” New words grow from everyday talk.": "Nombre lo que su niño ve y hace: “¡Encontraste la pelota roja!”. Las palabras nuevas crecen con la conversación de todos los días.",
            **EARLY_INTERVENTION_ES,
        },
        "ar": {
            "Toddler": "طفل صغير",
            "Your toddler: 1 to 3 years": "طفلك الصغير: من سنة إلى 3 سنوات",
            "How toddlers grow, talk and play, what to watch for, and where to get help.": "كيف ينمو الأطفال الصغار ويتكلمون ويلعبون، وما الذي يجب الانتباه إليه، وأين تجد المساعدة.",
            "Toddlers are busy! They walk, climb, say new words every week and want to do things by themselves. Play, talk and read together every day.": "الأطفال الصغار مشغولون دائمًا! يمشون ويتسلّقون ويقولون كلمات جديدة كل أسبوع ويريدون فعل الأشياء بأنفسهم. العبوا وتحدّثوا واقرؤوا معًا كل يوم.",
            "Copies what adults and other children do": "يقلّد ما يفعله الكبار والأطفال الآخرون",
            "Shows you things they like": "يريك أشياء يحبها",
            "Plays next to other children, then with them": "يلعب بجانب أطفال آخرين ثم معهم",
            "Says several words by 18 months": "يقول عدة كلمات في عمر 18 شهرًا",
            "Puts two words together, like “more milk”, by 2 years": "يجمع كلمتين معًا مثل «حليب أكثر» في عمر سنتين",
            "Talks in short sentences by 3 years": "يتكلم بجمل قصيرة في عمر 3 سنوات",
            "Points to things in a book when you ask": "يشير إلى الأشياء في كتاب عندما تسأله",
            "Plays pretend, like feeding a doll": "يلعب ألعاب التخيّل مثل إطعام دمية",
            "Walks alone by about 18 months": "يمشي وحده في عمر 18 شهرًا تقريبًا",
            "Kicks a ball and climbs on furniture": "يركل الكرة ويتسلّق الأثاث",
            "Goes to the dentist by the first birthday, then twice a year": "يزور طبيب الأسنان قبل عيد ميلاده الأول، ثم مرتين في السنة",
            "Does not walk by 18 months": "لا يمشي في عمر 18 شهرًا",
            "Does not say at least 6 words by 18 months": "لا يقول 6 كلمات على الأقل في عمر 18 شهرًا",
            "Does not point to show you things": "لا يشير ليريك الأشياء",
            "Does not copy what others do": "لا يقلّد ما يفعله الآخرون",
            "Loses words or skills they used to have": "يفقد كلمات أو مهارات كان يملكها",
            "Preschool special education (CPSE)": "التعليم الخاص لمرحلة ما قبل المدرسة (CPSE)",
            "Children 3 to 5": "الأطفال من 3 إلى 5 سنوات",
            "Ask your school district’s Committee on Preschool Special Education (CPSE) for a free evaluation. Call 311 to find your district’s office.": "اطلب تقييمًا مجانيًا من لجنة التعليم الخاص لمرحلة ما قبل المدرسة (CPSE) في منطقتك التعليمية. اتصل بالرقم 311 لتجد مكتب منطقتك.",
            "Name what your toddler sees and does: “You found the red ball!” New words grow from everyday talk.": "سمِّ ما يراه طفلك وما يفعله: «وجدتَ الكرة الحمراء!». الكلمات الجديدة تنمو من الحديث اليومي.",
            **EARLY_INTERVENTION_AR,
        },
    },
}
