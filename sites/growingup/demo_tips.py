"""Demo brain-building tips: small everyday moments, in plain language.
Each: title, text, age from and to in months, setting."""

TIPS = [
    (
        "Talk about the food",
        "Name the foods on the plate and their colors. Ask your child to point to the peas or the red apple.",
        6,
        36,
        "mealtime",
    ),
    (
        "Let them help at the table",
        "Give your child a small job: put napkins out, stir the salad. Helping builds skills and pride.",
        24,
        71,
        "mealtime",
    ),
    (
        "Count the bites",
        "Count bites or pieces of fruit out loud together. Numbers become part of everyday life.",
        18,
        71,
        "mealtime",
    ),
    (
        "Splash and name",
        "During bath time, name body parts as you wash them: “Now your elbow! Now your knee!”",
        6,
        36,
        "bathtime",
    ),
    (
        "Sink or float?",
        "Give your child a cup, a sponge and a spoon in the bath. Guess together which ones will float.",
        24,
        71,
        "bathtime",
    ),
    (
        "Sing the same song at bedtime",
        "A song or story at the same time every night helps your child feel safe and ready for sleep.",
        0,
        47,
        "bedtime",
    ),
    (
        "Talk about the day",
        "At bedtime, ask: “What was the best part of your day? What was hard?” Listen without fixing.",
        36,
        155,
        "bedtime",
    ),
    (
        "Make eye contact during changes",
        "Diaper changes are a chance to chat. Look into your baby’s eyes, smile and talk about what you are doing.",
        0,
        24,
        "diaper-change",
    ),
    (
        "Peekaboo with the diaper",
        "Hide your face behind a clean diaper and say “peekaboo!” Babies learn that things come back.",
        4,
        18,
        "diaper-change",
    ),
    (
        "Give two choices",
        "Let your child pick: “The blue shirt or the green one?” Small choices build thinking and confidence.",
        18,
        71,
        "getting-dressed",
    ),
    (
        "Name each step",
        "Say each step out loud as your child dresses: “First socks, then shoes.” This teaches order and words.",
        12,
        47,
        "getting-dressed",
    ),
    (
        "Find the shapes",
        "At the store, look for circles, squares and triangles on signs and boxes.",
        24,
        71,
        "at-the-store",
    ),
    (
        "Make a picture list",
        "Draw a short shopping list with pictures. Your child can check things off as you find them.",
        36,
        95,
        "at-the-store",
    ),
    (
        "Compare prices together",
        "Ask your older child which of two items costs less. Real math, real money.",
        84,
        155,
        "at-the-store",
    ),
    (
        "Follow their lead at the park",
        "Watch what your child is interested in, a bug, a leaf, a slide, and talk about it together.",
        12,
        71,
        "at-the-park",
    ),
    (
        "Take turns on the slide",
        "Waiting for a turn is hard! Practice with friends at the playground and praise your child’s patience.",
        24,
        71,
        "at-the-park",
    ),
    (
        "I spy on the bus",
        "Play “I spy something yellow” on the bus or train. It builds attention and new words.",
        30,
        95,
        "on-the-go",
    ),
    (
        "Read the signs",
        "Point to signs and letters you pass on the street. Ask your child what they think a sign says.",
        36,
        95,
        "on-the-go",
    ),
    (
        "Narrate your walk",
        "Tell your baby what you see on your walk: “Look, a big dog! He is brown.”",
        0,
        18,
        "on-the-go",
    ),
    (
        "Build and knock down",
        "Stack blocks or cups together. Your child learns cause and effect, and it is fun to knock them down.",
        9,
        36,
        "playtime",
    ),
    (
        "Pretend together",
        "Play store, doctor or chef. Pretend play builds language, planning and getting along.",
        24,
        95,
        "playtime",
    ),
    (
        "Play a game with rules",
        "Board and card games teach taking turns, counting and handling losing.",
        48,
        155,
        "playtime",
    ),
    (
        "Back-and-forth talk",
        "When your child makes a sound or says a word, answer. Then wait for them to answer you.",
        0,
        36,
        "anytime",
    ),
    (
        "Read every day",
        "Read together every day, even for 5 minutes. Let your child choose the book and turn the pages.",
        0,
        131,
        "anytime",
    ),
]

# Spanish and Arabic for the tips that fit babies and toddlers, whose guides are translated.
TIP_TRANSLATIONS = {
    "Talk about the food": {
        "es": (
            "Hablen de la comida",
            "Nombre los alimentos del plato y sus colores. Pida a su hijo que señale los guisantes o la manzana roja.",
        ),
        "ar": (
            "تحدّثوا عن الطعام",
            "سمِّ الأطعمة في الطبق وألوانها. اطلب من طفلك أن يشير إلى البازلاء أو التفاحة الحمراء.",
        ),
    },
    "Splash and name": {
        "es": (
            "Chapotear y nombrar",
            "A la hora del baño, nombre las partes del cuerpo mientras las lava: “¡Ahora tu codo! ¡Ahora tu rodilla!”",
        ),
        "ar": (
            "رشّ الماء وسمِّ",
            "وقت الاستحمام، سمِّ أجزاء الجسم وأنت تغسلها: «الآن كوعك! الآن ركبتك!»",
        ),
    },
    "Sing the same song at bedtime": {
        "es": (
            "Canten la misma canción al dormir",
            "Una canción o un cuento a la misma hora cada noche ayuda a su hijo a sentirse seguro y listo para dormir.",
        ),
        "ar": (
            "غنِّ الأغنية نفسها وقت النوم",
            "أغنية أو قصة في الوقت نفسه كل ليلة تساعد طفلك على الشعور بالأمان والاستعداد للنوم.",
        ),
    },
    "Make eye contact during changes": {
        "es": (
            "Mírense a los ojos al cambiar el pañal",
            "Cambiar el pañal es una oportunidad para conversar. Mire a su bebé a los ojos, sonría y cuéntele lo que está haciendo.",
        ),
        "ar": (
            "انظر في عينيه أثناء تغيير الحفاض",
            "تغيير الحفاض فرصة للحديث. انظر في عيني طفلك وابتسم وأخبره بما تفعله.",
        ),
    },
    "Peekaboo with the diaper": {
        "es": (
            "Cucú con el pañal",
            "Escóndase detrás de un pañal limpio y diga “¡cucú!”. Los bebés aprenden que las cosas vuelven.",
        ),
        "ar": (
            "لعبة الاختباء بالحفاض",
            "اختبئ خلف حفاض نظيف وقل «بيكابو!». يتعلّم الرضّع أن الأشياء تعود.",
        ),
    },
    "Name each step": {
        "es": (
            "Nombre cada paso",
            "Diga en voz alta cada paso mientras su hijo se viste: “Primero las medias, luego los zapatos”. Así aprende el orden y palabras nuevas.",
        ),
        "ar": (
            "سمِّ كل خطوة",
            "قل كل خطوة بصوت عالٍ وطفلك يرتدي ملابسه: «أولًا الجوارب، ثم الحذاء». هكذا يتعلّم الترتيب والكلمات.",
        ),
    },
    "Follow their lead at the park": {
        "es": (
            "Siga sus intereses en el parque",
            "Fíjese en lo que le interesa a su hijo, un insecto, una hoja, un tobogán, y hablen de eso juntos.",
        ),
        "ar": (
            "اتبع اهتمامه في الحديقة",
            "لاحظ ما يهتم به طفلك، حشرة أو ورقة شجر أو زحليقة، وتحدّثا عنه معًا.",
        ),
    },
    "Narrate your walk": {
        "es": (
            "Cuente lo que ven al caminar",
            "Cuéntele a su bebé lo que ve en su paseo: “¡Mira, un perro grande! Es marrón”.",
        ),
        "ar": (
            "احكِ ما تراه أثناء المشي",
            "أخبر طفلك بما تراه في نزهتك: «انظر، كلب كبير! لونه بنّي».",
        ),
    },
    "Build and knock down": {
        "es": (
            "Construir y tumbar",
            "Apilen bloques o vasos juntos. Su hijo aprende causa y efecto, y tumbarlos es divertido.",
        ),
        "ar": (
            "ابنِ ثم أوقِع",
            "كدّسا المكعبات أو الأكواب معًا. يتعلّم طفلك السبب والنتيجة، وإيقاعها ممتع.",
        ),
    },
    "Back-and-forth talk": {
        "es": (
            "Conversar por turnos",
            "Cuando su hijo haga un sonido o diga una palabra, respóndale. Luego espere a que le responda.",
        ),
        "ar": ("حديث متبادل", "عندما يصدر طفلك صوتًا أو يقول كلمة، ردّ عليه. ثم انتظر حتى يردّ عليك."),
    },
    "Read every day": {
        "es": (
            "Lean todos los días",
            "Lean juntos todos los días, aunque sea 5 minutos. Deje que su hijo elija el libro y pase las páginas.",
        ),
        "ar": (
            "اقرؤوا كل يوم",
            "اقرؤوا معًا كل يوم، ولو 5 دقائق. دع طفلك يختار الكتاب ويقلّب الصفحات.",
        ),
    },
}
